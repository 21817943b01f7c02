"""A batch's files written on a thread of their own, so that the next image is analysed while
the last one's files are drawn, encoded and written (``capseg analyze``).

Drawing the annotated picture, encoding the PNGs and writing them take about as long as the
analysis of a strip; OpenCV's drawing and encoding, zlib, the disk and the model's runtime all
let go of Python's lock while they work, so on two cores the two overlap. What is written does
not change: each image's files go through :func:`core.batch.write_outputs` as before (all of
them or none, via ``core.atomic``).

* The queue holds at most ``depth`` images waiting to be written: analysis waits for the writer
  rather than keep every picture of a large folder in memory.
* Items come back in the order they were given, each once its files are written (or with the
  sentence saying why they could not be: that image fails, the others go on).
* After Ctrl+C the command line still writes the images already analysed (:meth:`finish`: at
  most ``depth`` of them), as when each image was written before the next was analysed.
  :meth:`BackgroundWriter.stop` writes no more: the image being written is finished whole and
  those waiting come back as not written. The thread is not a daemon, so even a second Ctrl+C
  lets the image being written finish rather than leave it half written.
"""

from __future__ import annotations

import queue
import threading
from typing import Callable, Iterator

from .batch import BatchItem, failed_item

#: Images analysed and waiting to be written, at most: one being written, one waiting.
WRITE_QUEUE_DEPTH = 2

_END = None


class BackgroundWriter:
    """``write(item) -> item`` applied to each submitted item on one writer thread, in order.
    ``write`` returns the item as it ends (the same one, or a failed one); an exception it
    raises becomes that image's failure (its sentence, or the internal-error one, logged)."""

    def __init__(self, write: Callable[[BatchItem], BatchItem], depth: int = WRITE_QUEUE_DEPTH) -> None:
        self._write = write
        self._todo: queue.Queue[BatchItem | None] = queue.Queue(maxsize=max(1, depth))
        self._done: queue.Queue[tuple[BatchItem, bool]] = queue.Queue()
        self._stopping = threading.Event()
        self._ended = False
        self._thread = threading.Thread(target=self._run, name="capseg-file-writer")
        self._thread.start()

    def _run(self) -> None:
        while True:
            item = self._todo.get()
            if item is _END:
                return
            if self._stopping.is_set():
                self._done.put((item, False))
                continue
            try:
                written = self._write(item)
            except BaseException as exc:  # never lose an image: it fails with its sentence
                written = failed_item(item.path, exc)
            self._done.put((written, True))

    def submit(self, item: BatchItem) -> list[BatchItem]:
        """Queue ``item`` (waiting while the queue is full); returns the items written since."""
        self._todo.put(item)
        return self.written()

    def written(self) -> list[BatchItem]:
        """The items whose writing has ended since the last call, in order, without waiting."""
        out = []
        while True:
            try:
                item, _ = self._done.get_nowait()
            except queue.Empty:
                return out
            out.append(item)

    def finish(self) -> Iterator[BatchItem]:
        """Every item still queued, once written: call after the last :meth:`submit`."""
        self._end()
        while self._thread.is_alive() or not self._done.empty():
            try:
                item, _ = self._done.get(timeout=0.1)
            except queue.Empty:
                continue
            yield item

    def stop(self) -> tuple[list[BatchItem], list[BatchItem]]:
        """Write nothing more: the image being written is finished whole, those waiting are
        not written. Returns (the items whose writing ended, those not written), in order."""
        self._stopping.set()
        self._end()
        self._thread.join()
        written, skipped = [], []
        while not self._done.empty():
            item, done = self._done.get_nowait()
            (written if done else skipped).append(item)
        return written, skipped

    def _end(self) -> None:
        """Tell the thread to end after the items queued: waits for room (the writer takes
        the items before it), and is never sent twice, nor to a thread that has ended."""
        while not self._ended and self._thread.is_alive():
            try:
                self._todo.put(_END, timeout=0.1)
            except queue.Full:
                continue
            self._ended = True
