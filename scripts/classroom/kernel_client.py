"""Talk to one kernel through a Jupyter server's kernel websocket, as JupyterLab does.

Uses the server's JSON websocket protocol: messages without binary buffers come as text frames,
messages with buffers (a redrawn image widget) as binary frames (a table of offsets, then the JSON
message, then the buffers).
"""

from __future__ import annotations

import ast
import json
import struct
import time
import uuid
from dataclasses import dataclass, field
from typing import Any

import websocket


class KernelError(RuntimeError):
    """A cell failed, the kernel died, or it did not answer in time."""


@dataclass
class Reply:
    """What one request produced: the shell reply and the iopub messages sent in answer to it."""

    content: dict[str, Any]
    iopub: list[dict[str, Any]] = field(default_factory=list)


def decode(frame: str | bytes) -> dict[str, Any]:
    """One websocket frame as a message dict (binary frames: offsets table, JSON, buffers)."""
    if isinstance(frame, str):
        return json.loads(frame)
    (count,) = struct.unpack("!I", frame[:4])
    offsets = list(struct.unpack(f"!{count}I", frame[4:4 + 4 * count])) + [len(frame)]
    message = json.loads(frame[offsets[0]:offsets[1]].decode("utf-8"))
    message["buffers"] = [frame[offsets[i]:offsets[i + 1]] for i in range(1, count)]
    return message


class KernelClient:
    """A websocket connection to one kernel, sending requests one at a time."""

    def __init__(self, url: str, token: str, username: str, timeout_s: float) -> None:
        self.session = uuid.uuid4().hex
        self.kernel_id = ""  # set by whoever opened the kernel
        self.username = username
        self.timeout_s = timeout_s
        self.ws = websocket.create_connection(
            f"{url}?session_id={self.session}", header=[f"Authorization: token {token}"], timeout=timeout_s,
        )

    def close(self) -> None:
        try:
            self.ws.close()
        except (websocket.WebSocketException, OSError):  # the other end is gone already
            self.ws.shutdown()

    def _send(self, channel: str, msg_type: str, content: dict[str, Any]) -> str:
        msg_id = uuid.uuid4().hex
        header = {"msg_id": msg_id, "msg_type": msg_type, "username": self.username,
                  "session": self.session, "version": "5.3", "date": time.strftime("%Y-%m-%dT%H:%M:%SZ")}
        self.ws.send(json.dumps({"header": header, "parent_header": {}, "metadata": {}, "content": content,
                                 "channel": channel, "buffers": []}))
        return msg_id

    def _wait(self, msg_id: str, want_shell_reply: bool) -> Reply:
        """Collect messages answering ``msg_id`` until the kernel is idle again (and has replied)."""
        reply, iopub, idle = None, [], False
        deadline = time.monotonic() + self.timeout_s
        while not (idle and (reply is not None or not want_shell_reply)):
            if time.monotonic() > deadline:
                raise KernelError(f"no answer within {self.timeout_s:.0f} s")
            message = decode(self.ws.recv())
            if message.get("parent_header", {}).get("msg_id") != msg_id:
                continue
            if message["channel"] == "shell":
                reply = message["content"]
            elif message["channel"] == "iopub":
                iopub.append(message)
                if message["msg_type"] == "status" and message["content"]["execution_state"] == "idle":
                    idle = True
                elif message["msg_type"] == "status" and message["content"]["execution_state"] == "dead":
                    raise KernelError("the kernel died")
        return Reply(reply or {}, iopub)

    def execute(self, code: str, expressions: dict[str, str] | None = None) -> Reply:
        """Run ``code``; raise KernelError with the cell's error when it fails."""
        msg_id = self._send("shell", "execute_request", {
            "code": code, "silent": False, "store_history": True, "user_expressions": expressions or {},
            "allow_stdin": False, "stop_on_error": True,
        })
        reply = self._wait(msg_id, want_shell_reply=True)
        if reply.content.get("status") != "ok":
            raise KernelError(f"{reply.content.get('ename')}: {reply.content.get('evalue')}")
        return reply

    def kernel_info(self) -> Reply:
        """Ask for the kernel's info, as JupyterLab does on connecting; returns once the kernel answered."""
        return self._wait(self._send("shell", "kernel_info_request", {}), want_shell_reply=True)

    def evaluate(self, expression: str) -> Any:
        """The value of a Python literal expression evaluated in the kernel."""
        reply = self.execute("", {"value": expression})
        result = reply.content["user_expressions"]["value"]
        if result.get("status") != "ok":
            raise KernelError(f"{expression}: {result.get('ename')}: {result.get('evalue')}")
        return ast.literal_eval(result["data"]["text/plain"])

    def update_widget(self, model_id: str, state: dict[str, Any]) -> Reply:
        """Send a widget state change, as a moved slider does; return once the kernel is idle again."""
        msg_id = self._send("shell", "comm_msg", {
            "comm_id": model_id, "data": {"method": "update", "state": state, "buffer_paths": []},
        })
        return self._wait(msg_id, want_shell_reply=False)


def redrew(reply: Reply) -> bool:
    """Whether the kernel changed another widget in answer (a new picture, table or text: an "update" message,
    not the "echo_update" confirming the moved slider's own value)."""
    return any(
        message["msg_type"] == "comm_msg" and message["content"]["data"].get("method") == "update"
        for message in reply.iopub
    )
