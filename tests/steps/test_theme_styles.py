"""scripts/build_steps/theme_styles.py finds the style texts a theme's script inserts."""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "scripts"))

from build_steps.theme_styles import inserted_styles, theme_styles  # noqa: E402


def test_style_built_from_a_constant_is_found_and_decoded():
    code = "var a=1,Tc='.u{x:1}.l\\'q\\'{}';function f(){o.appendChild(C(\"style\",{},Tc.toString()))}"
    assert inserted_styles(code) == [".u{x:1}.l'q'{}"]


def test_no_style_element_means_nothing_found():
    assert inserted_styles('var Tc=".a{}";C("div",{},Tc)') == []


def test_ambiguous_constant_is_not_guessed():
    """Two different values for the same minified name: better no hash than a wrong one."""
    code = "var Tc='.a{}';function g(){let Tc='.b{}'}C(\"style\",{},Tc)"
    assert inserted_styles(code) == []


def test_site_folder_scan(tmp_path):
    bundle = tmp_path / "assets" / "javascripts" / "bundle.1.min.js"
    bundle.parent.mkdir(parents=True)
    bundle.write_text("var S=\".s{}\";x.appendChild(C('style',{},S))", encoding="utf-8")
    assert theme_styles(tmp_path) == (".s{}",)
