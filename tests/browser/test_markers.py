"""The two claim markers ("Så gjorde Kumla" and "Guidens rekommendation") are told apart by
more than colour, and keep WCAG AA contrast in the light and the dark scheme."""

from __future__ import annotations

import pytest

from browser_helpers import ROOT, new_context

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
PAGE = "/arbetsgangen/"  # has both markers


def _styles(page):
    return page.evaluate(
        """() => ['kumla', 'rekommendation'].map((type) => {
            const box = document.querySelector(`.admonition.${type}`);
            const title = box.querySelector('.admonition-title');
            const icon = getComputedStyle(title, '::before');
            return {title: title.textContent.trim(), border: getComputedStyle(box).borderTopStyle,
                    color: getComputedStyle(box).borderTopColor,
                    icon: icon.maskImage || icon.webkitMaskImage};
        })"""
    )


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_markers_differ_in_label_icon_and_border_and_pass_axe(browser, base_url, scheme):
    context = new_context(browser, color_scheme=scheme)
    try:
        page = context.new_page()
        page.goto(f"{base_url}{PAGE}")
        kumla, rek = _styles(page)
        assert kumla["title"] == "Så gjorde Kumla (artikeln 2021)"
        assert rek["title"] == "Guidens rekommendation"
        assert kumla["icon"] != rek["icon"] and "svg" in kumla["icon"], "icons must differ"
        assert (kumla["border"], rek["border"]) == ("solid", "dashed")
        assert kumla["color"] != rek["color"]
        page.wait_for_function("() => document.getAnimations().every(a => a.playState !== 'running')")
        page.evaluate(AXE.read_text(encoding="utf-8"))
        violations = page.evaluate(
            """() => axe.run('.admonition.kumla, .admonition.rekommendation',
                   {runOnly: {type: 'rule', values: ['color-contrast']}}).then(r => r.violations)"""
        )
        assert violations == [], violations
    finally:
        context.close()
