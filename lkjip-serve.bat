@echo off
rem lkjip serve: halaman web lokal untuk workbook di folder ini.
rem Salin berkas ini ke folder workbook Anda, lalu klik dua kali. Browser terbuka sendiri;
rem tutup jendela ini (atau tekan Ctrl+C) untuk berhenti.
cd /d "%~dp0"
where lkjip >nul 2>nul
if %errorlevel%==0 (
  lkjip serve %*
) else (
  py -m generator.cli serve %*
)
if errorlevel 1 pause
