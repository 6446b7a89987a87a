"""Charts drawn from context chart specs (matplotlib, imported only when a chart is drawn).

PNG output is deterministic: fixed size and dpi, no software/date metadata.
"""

from __future__ import annotations

import io
import textwrap

DPI = 130


def _plt():
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    plt.rcParams.update({"font.family": "DejaVu Sans", "font.size": 8, "axes.spines.top": False, "axes.spines.right": False,
                         "svg.hashsalt": "lkjip"})
    return plt


def _fmt(v: float) -> str:
    text = f"{v:,.2f}".replace(",", "X").replace(".", ",").replace("X", ".")
    return text[:-3] if text.endswith(",00") else text


def _label(name: str, width: int = 22) -> str:
    return "\n".join(textwrap.wrap(name, width)[:3])


def _save(fig) -> bytes:
    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=DPI, metadata={"Software": None}, bbox_inches="tight", pad_inches=0.1)
    _plt().close(fig)
    return buf.getvalue()


def chart_capaian(data: list[dict]) -> bytes:
    """Target vs realisasi per indicator: one small panel each (units differ between indicators)."""
    plt = _plt()
    data = data[:12]
    n = len(data)
    cols = min(n, 4)
    rows = (n + cols - 1) // cols
    fig, axes = plt.subplots(rows, cols, figsize=(1.9 * cols + 0.6, 2.3 * rows), squeeze=False)
    for ax, d in zip(axes.flat, data):
        vals = [d["target"], d["realisasi"]]
        bars = ax.bar(["Target", "Realisasi"], vals, color=["#9DB4D6", "#1F4E78"], width=0.6)
        for b, v in zip(bars, vals):
            ax.annotate(_fmt(v), (b.get_x() + b.get_width() / 2, b.get_height()), ha="center", va="bottom", fontsize=7)
        cap = d.get("capaian")
        ax.set_title(_label(d["nama"]) + (f"\ncapaian {_fmt(cap)}%" if cap is not None else ""), fontsize=7)
        ax.set_ylim(0, max(max(vals) * 1.25, 1e-9))
        ax.tick_params(axis="y", labelsize=6)
    for ax in list(axes.flat)[n:]:
        ax.axis("off")
    fig.tight_layout()
    return _save(fig)


def chart_tren(data: list[dict]) -> bytes:
    """Realisasi over the years per indicator (small multiples)."""
    plt = _plt()
    data = [d for d in data if len(d["titik"]) >= 1][:12]
    n = max(len(data), 1)
    cols = min(n, 4)
    rows = (n + cols - 1) // cols
    fig, axes = plt.subplots(rows, cols, figsize=(1.9 * cols + 0.6, 2.2 * rows), squeeze=False)
    for ax, d in zip(axes.flat, data):
        xs = [int(p[0]) for p in d["titik"]]
        ys = [p[1] for p in d["titik"]]
        ax.plot(xs, ys, marker="o", color="#1F4E78")
        for x, y in zip(xs, ys):
            ax.annotate(_fmt(y), (x, y), textcoords="offset points", xytext=(0, 4), ha="center", fontsize=7)
        ax.set_xticks(xs)
        ax.set_xticklabels([str(x) for x in xs], fontsize=6)
        ax.set_title(_label(d["nama"]), fontsize=7)
        ax.margins(x=0.25, y=0.3)
        ax.tick_params(axis="y", labelsize=6)
    for ax in list(axes.flat)[len(data):]:
        ax.axis("off")
    fig.tight_layout()
    return _save(fig)


def chart_anggaran(data: list[dict]) -> bytes:
    """Pagu vs realisasi per unit or program, with the penyerapan at the end of each bar."""
    plt = _plt()
    names = [_label(d["nama"], 34) for d in data][::-1]
    pagu = [d["pagu"] / 1e6 for d in data][::-1]
    real = [d["realisasi"] / 1e6 for d in data][::-1]
    fig, ax = plt.subplots(figsize=(6.4, 0.55 * len(data) + 1.0))
    y = range(len(data))
    ax.barh([i + 0.2 for i in y], pagu, height=0.4, color="#9DB4D6", label="Pagu")
    ax.barh([i - 0.2 for i in y], real, height=0.4, color="#1F4E78", label="Realisasi")
    for i, d in zip(y, data[::-1]):
        ax.annotate(f"{_fmt(d['penyerapan'])}%", (max(d["pagu"], d["realisasi"]) / 1e6, i), xytext=(4, -3),
                    textcoords="offset points", fontsize=7)
    ax.set_yticks(list(y))
    ax.set_yticklabels(names, fontsize=7)
    ax.set_xlabel("juta rupiah")
    ax.margins(x=0.15)
    ax.legend(fontsize=7, loc="lower right")
    fig.tight_layout()
    return _save(fig)


DRAW = {"capaian": chart_capaian, "tren": chart_tren, "anggaran": chart_anggaran}


def draw(spec: dict) -> bytes:
    return DRAW[spec["jenis"]](spec["data"])
