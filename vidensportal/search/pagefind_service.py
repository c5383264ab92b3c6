"""Pagefind's own program in its service mode, handed one page at a time while the rest of the site is rendered.

The pagefind package's Python API speaks the same protocol, but reads each answer after a 0.1 s pause: a
thousand pages handed over one by one would take minutes. This speaks it directly. Requests and answers are
base64-encoded JSON, each ended by a comma; a thread reads the answers as they come, so neither side waits.
"""

from __future__ import annotations

import base64
import contextlib
import json
import subprocess
import tempfile
import threading


class PagefindError(Exception):
    """Pagefind refused a request or stopped; the message is Danish."""


class PagefindService:
    """One Pagefind index: `add_page` does not wait for Pagefind; `files` waits for the finished index."""

    def __init__(self, config: dict[str, object]) -> None:
        from pagefind_bin import get_executable

        self._errors = tempfile.TemporaryFile()  # noqa: SIM115 -- read when Pagefind stops, closed in close()
        self._process = subprocess.Popen(  # noqa: S603 -- the packaged binary with fixed arguments
            [str(get_executable()), "--service"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=self._errors,
        )
        self._answers: dict[int, dict] = {}
        self._arrived = threading.Condition()
        self._ended = False
        self._failure = ""  # an answer Pagefind could not tie to a request: every wait ends with it
        self._last_id = 0
        self._page_ids: list[int] = []
        self._reader = threading.Thread(target=self._read_answers, name="pagefind-answers", daemon=True)
        self._reader.start()
        try:
            self._index = self._answer(self._send({"type": "NewIndex", "config": config}))["index_id"]
        except PagefindError:
            self.close()
            raise

    def add_page(self, url: str, page_html: str) -> None:
        """Hand Pagefind a page to index under `url` ('/parter/'); its answer is read later, by `files`."""
        request = {"type": "AddFile", "index_id": self._index, "url": url, "file_path": None}
        self._page_ids.append(self._send({**request, "file_contents": page_html}))

    def files(self) -> dict[str, bytes]:
        """Once every page is indexed, the index Pagefind would write, by path in its folder ('fragment/…')."""
        for message_id in self._page_ids:
            self._answer(message_id)
        answer = self._answer(self._send({"type": "GetFiles", "index_id": self._index}))
        try:
            return {file["path"]: base64.b64decode(file["content"]) for file in answer["files"]}
        except (KeyError, TypeError, ValueError) as error:
            raise PagefindError(f"uforståeligt svar med indeksets filer ({error!r})") from None

    def close(self) -> None:
        """End the program; safe to call twice, and after it stopped by itself."""
        if self._process.stdin and not self._process.stdin.closed:
            with contextlib.suppress(OSError):  # it stopped already; its answers say why
                self._process.stdin.close()
        try:
            self._process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            self._process.kill()
            self._process.wait()
        self._reader.join(timeout=5)  # it ends when the program's output does
        if self._process.stdout:
            self._process.stdout.close()
        self._errors.close()

    def _send(self, payload: dict[str, object]) -> int:
        self._last_id += 1
        message = json.dumps({"message_id": self._last_id, "payload": payload}, ensure_ascii=False)
        assert self._process.stdin is not None  # noqa: S101 -- opened with stdin=PIPE
        try:
            self._process.stdin.write(base64.b64encode(message.encode("utf-8")) + b",")
            self._process.stdin.flush()
        except OSError:
            raise PagefindError(self._stopped()) from None
        return self._last_id

    def _answer(self, message_id: int) -> dict:
        with self._arrived:
            self._arrived.wait_for(lambda: message_id in self._answers or self._ended or self._failure)
            answer = self._answers.get(message_id)
        if answer is None and self._failure:
            answer = {"type": "Error", "message": self._failure}
        if answer is None:
            raise PagefindError(self._stopped())
        if answer.get("type") == "Error":
            raise PagefindError(f"Pagefind afviste en side eller en ordre: {answer.get('message', '')}"[:600])
        return answer

    def _read_answers(self) -> None:
        assert self._process.stdout is not None  # noqa: S101 -- opened with stdout=PIPE
        pending: list[bytes] = []  # the start of an answer still arriving (the index's files make a long one)
        try:
            while chunk := self._process.stdout.read1(1 << 16):
                *ended, rest = chunk.split(b",")
                if ended:
                    ended[0], pending = b"".join([*pending, ended[0]]), []
                pending.append(rest)
                answers = [json.loads(base64.b64decode(part)) for part in ended if part.strip()]
                with self._arrived:
                    for answer in answers:
                        payload = answer.get("payload") or {}
                        if answer.get("message_id") is None:
                            self._failure = str(payload.get("message") or payload)
                        else:
                            self._answers[answer["message_id"]] = payload
                    self._arrived.notify_all()
        except ValueError as error:  # not an answer at all: the program and this client disagree
            self._failure = f"uforståeligt svar ({error})"
        finally:
            with self._arrived:
                self._ended = True
                self._arrived.notify_all()

    def _stopped(self) -> str:
        code = self._process.poll()
        written = b""
        if not self._errors.closed:  # closed once close() has run
            self._errors.seek(0)
            written = self._errors.read()
        tail = " ".join(written.decode("utf-8", "replace").split())[-400:]
        return f"Pagefind stoppede uventet (kode {code}): {tail}".rstrip(": ")
