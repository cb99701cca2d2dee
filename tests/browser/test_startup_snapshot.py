"""The second visit restores the start-up snapshot of this build.

The snapshot (docs/kalkylator/worker.mjs) is what makes a warm start fast. It is
made before the worker answers anything (see the worker's start()); a memory
search for a typed amount cannot show that reliably, because freed memory is
reused, so this test pins what can be observed: one snapshot file in the origin
private file system, keyed by this build, restored on the next visit, giving the
same answers as the engine; and the IndexedDB copy that older builds kept is gone.
"""

from __future__ import annotations

import time

from browser_helpers import (
    calculate_in_page,
    expected_cells,
    new_context,
    open_calculator,
    schedule_cells,
    wait_until_ready,
)

READ_SNAPSHOTS = """
async () => {
  const root = await navigator.storage.getDirectory();
  const found = { names: [], sizes: [] };
  for await (const [name, handle] of root.entries()) {
    found.names.push(name);
    found.sizes.push(handle.kind === "file" ? (await handle.getFile()).size : -1);
  }
  found.oldDatabases = (await indexedDB.databases()).map((db) => db.name);
  return found;
}
"""


MAKE_OLD_DATABASE = """
() => new Promise((resolve, reject) => {
  const opening = indexedDB.open("bokvar-kalkylator-snapshot", 1);
  opening.onupgradeneeded = () => opening.result.createObjectStore("snapshots");
  opening.onerror = () => reject(opening.error);
  opening.onsuccess = () => {
    opening.result.close();
    resolve();
  };
})
"""


def snapshots(page) -> dict:
    return page.evaluate(READ_SNAPSHOTS)


def snapshot_flag(page) -> int:
    return page.evaluate("performance.getEntriesByName('bokvar:calculator-ready')[0].detail.snapshot")


def test_second_visit_restores_a_snapshot_without_figures(browser, base_url, examples):
    context = new_context(browser)
    try:
        page = context.new_page()
        open_calculator(page, base_url, wait=False)
        page.evaluate(MAKE_OLD_DATABASE)  # as a visit before the move to OPFS left it
        # Submitted while Python still loads: queued, and answered after the snapshot is taken.
        page.fill("[name=debt]", "12 500")
        page.fill("[name=rent]", "7 450")
        page.check("[name=plan_by][value=months]")
        page.fill("[name=months]", "12")
        page.click("#kalk-form button[type=submit]")
        wait_until_ready(page)
        assert snapshot_flag(page) == 0
        build_id = page.evaluate("window.bokvarEngine.buildId")
        deadline = time.monotonic() + 60
        # The old database goes once the new file is written and closed.
        while time.monotonic() < deadline:
            found = snapshots(page)
            if found["names"] and "bokvar-kalkylator-snapshot" not in found["oldDatabases"]:
                break
            page.wait_for_timeout(200)
        assert found["names"] == ["bokvar-snapshot-" + build_id]
        assert found["sizes"][0] > 1_000_000
        assert "bokvar-kalkylator-snapshot" not in found["oldDatabases"]

        page.reload()
        wait_until_ready(page)
        assert snapshot_flag(page) == 1
        example = next(e for e in examples if e["request"].get("months"))
        answer = calculate_in_page(page, example["request"])
        assert schedule_cells(page) == expected_cells(answer)
    finally:
        context.close()
