"""The Word report: what it prints, custom templates, escaping, determinism, a real client."""

from __future__ import annotations

import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import needs_soffice
from docx_text import all_text, captions, headings, load, paragraphs, table_after
from factory import KINERJA, make_workbook

from generator.cli import main
from generator.docx.render import RenderError, render_docx
from generator.pipeline import check
from generator.report.context import build_context


def render_of(path):
    _lap, hasil, problems = check(path)
    assert hasil is not None, problems
    ctx = build_context(hasil)
    return ctx, render_docx(ctx)


@pytest.fixture
def report(small):
    return load(render_of(small)[1])


def test_report_prints_the_computed_figures(report):
    text = all_text(report)
    assert "Capaian kinerja Kecamatan Contoh tahun 2024 secara keseluruhan adalah 91,88% dengan predikat Sangat Tinggi." in text
    # 67 / 80 = 83,75 %, a Permendagri 86 "Tinggi"
    tujuan = table_after(report, "Tabel 3.2")  # the tujuan's indicator first (issue 20.11): 82 / 80
    assert tujuan[2] == ["1", "Meningkatkan pelayanan publik", "Indeks Kepuasan Masyarakat", "indeks", "80", "82", "102,50",
                         "Sangat Tinggi"]
    rows = table_after(report, "Tabel 3.3")
    assert rows[0][:8] == ["No", "Sasaran", "Indikator Kinerja", "Satuan", "Target", "Realisasi", "Capaian (%)", "Predikat"]
    assert rows[1][6] == "7 = 6/5 × 100"
    assert rows[2][2:] == ["Persentase layanan tepat waktu", "%", "80", "67", "83,75", "Tinggi"]
    assert rows[3][2:] == ["Nilai SAKIP", "predikat", "B", "BB", "100,00", "Sangat Tinggi"]
    assert rows[-1][1] == "Rata-rata capaian kinerja sasaran" and rows[-1][6:] == ["91,88", "Sangat Tinggi"]
    # one unit: a sentence, not a one-row table (issue 20.7)
    assert ("Seluruh anggaran dikelola oleh Kecamatan Contoh: pagu Rp35.000.000,00, realisasi Rp32.500.000,00 (92,86%), "
            "sisa Rp2.500.000,00.") in text
    assert not any("per Unit" in c for c in captions(report))
    assert "Rp35.000.000,00 (tiga puluh lima juta rupiah)" in text


def test_pk_target_table_and_document(report):
    rows = table_after(report, "Tabel L.1")
    assert rows[2] == ["1", "Meningkatnya kualitas layanan administrasi", "Persentase layanan tepat waktu", "80%"]
    assert rows[3] == ["2", "Meningkatnya akuntabilitas kinerja", "Nilai SAKIP", "B"]
    text = all_text(report)
    assert "Nama\t: Drs. Budi Santoso, M.Si" in text and "selanjutnya disebut Pihak Pertama." in text
    assert "Jabatan\t: Bupati Contoh" in text and "Pihak Kedua," in text
    prog = table_after(report, "Tabel L.2")
    assert prog[-1][1:3] == ["Jumlah", "35.000.000"]


def test_caption_sequence_numbered_per_chapter(report):
    caps = captions(report)
    numbers = [re.match(r"Tabel (\S+)", c).group(1) for c in caps]
    # each table once (issue 20.8): the PK tables in the Lampiran only, the IKU table in Bab II only
    assert numbers[:2] == ["2.1", "2.2"]
    assert numbers[2:12] == [f"3.{i}" for i in range(1, 11)]  # 3.2: the tujuan's capaian (issue 20.11)
    assert numbers[12:] == ["L.1", "L.2"]
    # no Target 2023 in the small workbook: no capaian 2023, so no tren chart (issue 11.9)
    assert [c.split(" ", 1)[0] for c in captions(report, "Judul Gambar")] == ["Gambar"] * 2


def test_no_placeholder_none_or_empty_heading(report):
    text = all_text(report)
    for bad in ("{{", "{%", "}}", "\u27e6"):
        assert bad not in text, bad
    for word in ("None", "nan", "NaN", "null"):
        assert not re.search(rf"\b{word}\b", text), word
    heads = headings(report)
    assert all(t.strip() for _, t in heads)
    assert [t for s, t in heads if s == "Heading 1"][5:] == [
        "BAB I PENDAHULUAN", "BAB II PERENCANAAN KINERJA", "BAB III AKUNTABILITAS KINERJA", "BAB IV PENUTUP", "LAMPIRAN"]
    # lettered sub-headings restart per chapter and skip sections with no data
    assert [t for s, t in heads if s == "Heading 2"][:4] == [
        "A. Latar Belakang", "B. Maksud dan Tujuan", "C. Dasar Hukum", "D. Sistematika Penyajian"]


def test_narrative_varies_with_the_data(tmp_path):
    kinerja = [dict(r) for r in KINERJA]
    kinerja[1].update({"Realisasi 2024": 88, "Realisasi 2023": 90})
    text = all_text(load(render_of(make_workbook(tmp_path / "a.xlsx", kinerja=kinerja))[1]))
    assert "capaian kinerjanya 110,00% dengan predikat Sangat Tinggi. Capaian ini melampaui target" in text
    assert "menurun dibandingkan tahun 2023 sebesar 90% atau turun 2,22%" in text
    kinerja[1].update({"Realisasi 2024": 80, "Realisasi 2023": 70})
    text = all_text(load(render_of(make_workbook(tmp_path / "b.xlsx", kinerja=kinerja))[1]))
    assert "Capaian ini tepat memenuhi target" in text
    assert "meningkat dibandingkan tahun 2023 sebesar 70% atau naik 14,29%. Perubahan ini menunjukkan perbaikan kinerja." in text
    assert "Belum terdapat standar nasional untuk indikator kinerja Kecamatan Contoh" in text


def test_staff_narrative_wins_and_lists_become_list_items(tmp_path):
    narasi = [{"Bagian": "latar_belakang", "Isi": "Paragraf pertama staf.\n\nParagraf kedua.\n- butir satu\n- butir dua"},
              {"Bagian": "isu_strategis", "Isi": "1. Isu A\n2. Isu B"}]
    doc = load(render_of(make_workbook(tmp_path / "a.xlsx", sheets={"Narasi": narasi}))[1])
    paras = [(p.style.name, p.text) for p in doc.paragraphs]
    i = paras.index(("Isi Laporan", "Paragraf pertama staf."))
    assert paras[i + 1:i + 4] == [("Isi Laporan", "Paragraf kedua."), ("List Bullet", "butir satu"), ("List Bullet", "butir dua")]
    assert ("Isi Laporan", "1.\tIsu A") in paras and ("Isi Laporan", "2.\tIsu B") in paras
    assert ("Heading 2", "D. Isu Strategis") in paras


def test_workbook_text_is_never_evaluated_and_stays_verbatim(tmp_path):
    evil = ["{{ 7*7 }}", "{% for x in y %}", "{{ ''.__class__ }}", "<w:p>", "]]>", "A & B", "emoji \U0001F600", "tab\there"]
    kinerja = [dict(r) for r in KINERJA]
    kinerja[1]["Uraian"] = " ".join(evil[:3])
    kinerja[1]["Analisis"] = " ".join(evil[3:])
    path = make_workbook(tmp_path / "a.xlsx", kinerja=kinerja, profil={"alamat": "{{ profil.instansi }}"})
    data = render_of(path)[1]
    text = all_text(load(data))
    assert " ".join(evil[:3]) in text
    assert "<w:p> ]]> A & B emoji \U0001F600 tab\there" in text
    assert "{{ profil.instansi }}" in text and "49" not in text.split("Tabel 3.2")[0][-200:]


def test_same_input_gives_byte_identical_docx(small):
    ctx, first = render_of(small)
    assert render_docx(ctx) == first
    infos = zipfile.ZipFile(__import__("io").BytesIO(first)).infolist()
    assert {i.date_time for i in infos} == {(1980, 1, 1, 0, 0, 0)}


def test_compiled_template_cache_gives_the_same_report_and_never_fails_a_build(tmp_path, small, monkeypatch):
    """The template's compiled code is kept on disk (Jinja's bytecode cache): a second process loads it
    instead of compiling; a damaged cache file or a folder that cannot be written only means compiling again."""
    from generator.docx.render import environment

    env = environment()
    ctx, first = render_of(small)
    folder = Path(env.bytecode_cache.directory)
    cached = sorted(folder.glob("template-*.cache"))
    assert cached, "the compiled document part is stored"

    def fresh() -> None:  # as a new process: nothing compiled in memory
        env.cache.clear()
        env.loader.sources.clear()

    compiled: list[str] = []
    real_compile = type(env).compile
    monkeypatch.setattr(type(env), "compile", lambda self, *a, **k: compiled.append(a[1]) or real_compile(self, *a, **k))
    fresh()
    assert render_docx(ctx) == first and compiled == []  # loaded from the files, not compiled
    for f in cached:
        f.write_bytes(b"j2\x00garbage")
    fresh()
    assert render_docx(ctx) == first and compiled  # damaged: compiled again (and stored again)
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    monkeypatch.setattr(env.bytecode_cache, "directory", str(blocker))
    fresh()
    assert render_docx(ctx) == first  # cannot be written: the build goes on


def test_cache_folder_is_the_user_s_and_none_when_it_cannot_be_made(tmp_path, monkeypatch):
    from generator.docx.render import cache_folder

    monkeypatch.setattr("os.name", "posix")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    folder = cache_folder()
    assert folder == tmp_path / "cache" / "lkjip" and folder.is_dir() and (folder.stat().st_mode & 0o777) == 0o700
    monkeypatch.setenv("XDG_CACHE_HOME", "relatif")  # not absolute: ignored, as the XDG rules say
    monkeypatch.setenv("HOME", str(tmp_path / "rumah"))
    assert cache_folder() == tmp_path / "rumah" / ".cache" / "lkjip"
    (tmp_path / "berkas").write_text("x")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "berkas"))  # a file where the folder should be
    assert cache_folder() is None


def test_custom_template_renders_and_unknown_variable_fails_naming_it(tmp_path, small, monkeypatch):
    from docx import Document

    good = tmp_path / "mine.docx"
    d = Document()
    d.add_paragraph("Laporan {{ profil.instansi }} tahun {{ profil.tahun }}: capaian {{ ringkas.capaian_instansi }}")
    d.add_paragraph('{{ sisip_tabel("anggaran_unit") }}')
    d.add_paragraph("Terbilang: {{ 2000000000|terbilang }}")
    d.save(good)
    bad = tmp_path / "salah.docx"
    d = Document()
    d.add_paragraph("Halo {{ profil.nama_kepala_dinas }}")
    d.save(bad)
    runner = CliRunner()
    work = tmp_path / "kerja"
    work.mkdir()
    with monkeypatch.context() as m:
        m.chdir(work)
        res = runner.invoke(main, ["build", str(small), "--template", str(good), "--out", "mine-out.docx"])
        assert res.exit_code == 0, res.output
        doc = load(open("mine-out.docx", "rb").read())
        assert paragraphs(doc)[0] == "Laporan Kecamatan Contoh tahun 2024: capaian 91,88%"
        assert captions(doc)[0] == "Tabel 1 Anggaran dan Realisasi per Unit Tahun 2024"
        assert "Terbilang: dua miliar rupiah" in paragraphs(doc)
        res = runner.invoke(main, ["build", str(small), "--template", str(bad), "--out", "salah-out.docx"])
        assert res.exit_code == 1
        assert "nama_kepala_dinas" in res.output
        import os

        assert not os.path.exists("salah-out.docx")
        assert not [f for f in os.listdir(".") if f.endswith(".tmp")]


def test_insert_function_with_unknown_table_is_a_clear_error(small):
    from docx import Document

    _lap, hasil, _ = check(small)
    import io

    d = Document()
    d.add_paragraph('{{ sisip_tabel("tidak_ada") }}')
    buf = io.BytesIO()
    d.save(buf)
    path = small.with_name("t.docx")
    path.write_bytes(buf.getvalue())
    with pytest.raises(RenderError, match="tabel 'tidak_ada' tidak ada"):
        render_docx(build_context(hasil), path)


@needs_soffice
def test_libreoffice_opens_the_report(tmp_path, small):
    out = tmp_path / "r.docx"
    out.write_bytes(render_of(small)[1])
    subprocess.run(["soffice", f"-env:UserInstallation=file://{tmp_path}/lo", "--headless", "--convert-to", "pdf",
                    "--outdir", str(tmp_path), str(out)], check=True, capture_output=True, timeout=180)
    pdf = tmp_path / "r.pdf"
    assert pdf.exists() and pdf.stat().st_size > 10_000
    if shutil.which("pdftotext"):
        text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True).stdout
        assert "BAB III AKUNTABILITAS KINERJA" in text and "83,75" in text


def test_the_compiled_template_cache_keeps_the_most_recently_used(tmp_path):
    """Each template (and each version of one) leaves a file: the oldest go once there are more than CACHE_KEEP,
    and loading a file counts as using it."""
    import os

    from generator.docx.render import CACHE_KEEP, environment, prune_cache

    for i in range(CACHE_KEEP + 5):
        f = tmp_path / f"template-{i:03d}.cache"
        f.write_bytes(b"x")
        os.utime(f, (1_000_000 + i, 1_000_000 + i))
    os.utime(tmp_path / "template-000.cache")  # the oldest file, just used
    (tmp_path / "lain.txt").write_text("bukan cache")
    prune_cache(tmp_path)
    kept = sorted(f.name for f in tmp_path.glob("template-*.cache"))
    assert len(kept) == CACHE_KEEP and "template-000.cache" in kept
    assert "template-001.cache" not in kept and "template-036.cache" in kept and (tmp_path / "lain.txt").exists()

    env = environment()  # a load refreshes the file's time
    cache = env.bytecode_cache
    bucket = __import__("jinja2").bccache.Bucket(env, "kunci", "sumber")
    original, cache.directory = cache.directory, str(tmp_path)
    try:
        bucket.code = compile("1", "<t>", "eval")
        cache.dump_bytecode(bucket)
        path = tmp_path / (cache.pattern % ("kunci",))
        os.utime(path, (1, 1))
        again = __import__("jinja2").bccache.Bucket(env, "kunci", "sumber")
        cache.load_bytecode(again)
        assert again.code is not None and path.stat().st_mtime > 1
    finally:
        cache.directory = original


def test_docxtpl_listing_characters_still_become_word_elements_and_are_skipped_when_absent(tmp_path, small, monkeypatch):
    """A newline or tab that a template puts into the text (docxtpl's "listing") is still a line break or a tab;
    the standard report, which has none, skips docxtpl's pass over every run (its output would be the same)."""
    import docxtpl
    from docx import Document

    mine = tmp_path / "baris.docx"
    d = Document()
    d.add_paragraph("{{ 'Satu' ~ '\\n' ~ 'Dua' ~ '\\t' ~ 'Tiga' }}")
    d.save(mine)
    passes: list[int] = []
    real = docxtpl.DocxTemplate.resolve_listing
    monkeypatch.setattr(docxtpl.DocxTemplate, "resolve_listing", lambda self, xml: passes.append(1) or real(self, xml))
    ctx = build_context(check(small).hasil)
    body = zipfile.ZipFile(__import__("io").BytesIO(render_docx(ctx, mine))).read("word/document.xml").decode()
    assert passes and re.search(r"Satu</w:t><w:br/><w:t[^>]*>Dua</w:t></w:r><w:r><w:tab/></w:r><w:r><w:t[^>]*>Tiga", body)
    passes.clear()
    render_docx(ctx)  # the shipped template: no such character anywhere
    assert passes == []
