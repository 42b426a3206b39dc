"""Execute Jupyter notebooks headlessly with nbclient (Jupyter's executor, the one behind
`jupyter nbconvert --execute`), and optionally export them to HTML with nbconvert.

Why not plain `jupyter nbconvert --execute`: Deno's kernel publishes a cell's result from a
separate task, so it sometimes arrives on IOPub *after* the cell's `idle` status
(denoland/deno cli/tools/jupyter/server.rs: `publish_result` hands the result to the
runtime's broadcast and does not wait for it to be sent). nbclient stops collecting a cell's
outputs at `idle` and drops later messages, so an executed notebook would now and then
miss an output. This client is nbclient with one change: outputs that arrive late are put
in the cell they belong to (by parent message id), and after the last cell it waits briefly
for stragglers. A cell that throws still stops the run (that comes on the shell channel).

Usage: python3 execute.py --out DIR [--html] NOTEBOOK...
Writes DIR/<name>.ipynb (and DIR/<name>.html); exit code 1 and the failing cell on stderr if
a cell throws.
"""
import argparse
import asyncio
import os
import queue
import sys

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionComplete, CellExecutionError
from nbclient.util import ensure_async

OUTPUT_TYPES = {'execute_result', 'display_data', 'stream', 'error', 'clear_output', 'update_display_data'}
FINAL_GRACE_SECONDS = 0.5


class LateOutputClient(NotebookClient):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._cells_by_parent = {}
        self._last_code_index = max((i for i, c in enumerate(self.nb.cells) if c.cell_type == 'code'), default=-1)

    def _route(self, msg):
        """Process an output message of an earlier cell; True if it was one."""
        target = self._cells_by_parent.get(msg['parent_header'].get('msg_id'))
        if target is None or msg['msg_type'] not in OUTPUT_TYPES:
            return False
        cell, index = target
        self.process_message(msg, cell, index)
        return True

    async def _async_poll_output_msg(self, parent_msg_id, cell, cell_index):
        assert self.kc is not None
        self._cells_by_parent[parent_msg_id] = (cell, cell_index)
        while True:
            msg = await ensure_async(self.kc.iopub_channel.get_msg(timeout=None))
            if msg['parent_header'].get('msg_id') == parent_msg_id:
                try:
                    self.process_message(msg, cell, cell_index)
                except CellExecutionComplete:
                    break
            else:
                self._route(msg)
        if cell_index == self._last_code_index:
            await self._drain(FINAL_GRACE_SECONDS)

    async def _drain(self, seconds):
        loop = asyncio.get_running_loop()
        deadline = loop.time() + seconds
        while (left := deadline - loop.time()) > 0:
            try:
                msg = await ensure_async(self.kc.iopub_channel.get_msg(timeout=left))
            except queue.Empty:
                return
            self._route(msg)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split('\n\n')[0])
    parser.add_argument('--out', required=True)
    parser.add_argument('--html', action='store_true')
    parser.add_argument('--kernel', default='deno')
    parser.add_argument('--timeout', type=int, default=120, help='per cell, seconds')
    parser.add_argument('notebooks', nargs='+')
    args = parser.parse_args()
    os.makedirs(args.out, exist_ok=True)
    failed = False
    for path in args.notebooks:
        name = os.path.splitext(os.path.basename(path))[0]
        nb = nbformat.read(path, as_version=4)
        client = LateOutputClient(nb, timeout=args.timeout, kernel_name=args.kernel,
                                  resources={'metadata': {'path': os.path.dirname(os.path.abspath(path))}})
        try:
            client.execute()
        except CellExecutionError as e:
            failed = True
            print(f'{path}: a cell failed\n{e}', file=sys.stderr)
        # The executed notebook is written even when a cell failed: it shows where.
        nbformat.write(nb, os.path.join(args.out, name + '.ipynb'))
        if args.html:
            from nbconvert import HTMLExporter
            body, _ = HTMLExporter().from_notebook_node(nb)
            with open(os.path.join(args.out, name + '.html'), 'w', encoding='utf-8') as f:
                f.write(body)
        print(f'{path}: executed', file=sys.stderr)
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main())
