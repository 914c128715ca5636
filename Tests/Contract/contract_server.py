"""Serves an OpenAPI file with connexion on 127.0.0.1 for the contract tests.

connexion validates every request against the file (parameters, bodies, content types and
security). Each operation answers with the example responses the file gives it, in turn: the
first request gets the first, and so on, round. Every request/response pair is appended to a
JSON-lines file so that check_pairs.py can judge them again with openapi-core.

Usage: contract_server.py --spec FILE --record FILE

Once listening, one JSON line goes to stdout, e.g.
  {"port": 43123, "api_root": "/kafka/v3", "operations": [{"method": "GET",
   "path": "/clusters/{cluster_id}", "examples": [{"status": 200, "error_code": null}, ...]}, ...]}
with paths below api_root, where the client's base URL ends. The server stops when its
standard input closes.
"""

import argparse
import asyncio
import json
import socket
import sys
import threading

import uvicorn

from contract_spec import ContractSpec

from connexion import AsyncApp
from connexion.options import SwaggerUIOptions
from connexion.resolver import Resolution, Resolver
from starlette.responses import JSONResponse, Response

JSON = "application/json"


class ExampleResolver(Resolver):
    """Answers every operation with its example responses, one after the other.

    The id is derived from method and path, so it is the same in every connexion layer even
    when the file gives no operationId, and the handler has no named parameters of its own
    (it swallows them all), so a query parameter such as `operation` cannot collide with one.
    """

    def __init__(self):
        super().__init__()
        self.operations = {}
        self.cached_examples = {}
        self.served = {}

    def resolve(self, operation):
        key = (operation.method.upper(), operation.path)
        operation_id = operation.operation_id or " ".join(key)
        self.operations[key] = operation

        async def respond(*_args, **_kwargs):
            examples = self.examples(key)
            served = self.served.get(key, 0)
            self.served[key] = served + 1
            return examples[served % len(examples)].response()

        return Resolution(respond, operation_id)

    def examples(self, key):
        """The example responses of the operation at `key` (method, path as in the file),
        read once connexion has finished building the operation."""
        if key not in self.cached_examples:
            self.cached_examples[key] = response_examples(self.operations[key])
        return self.cached_examples[key]


class Example:
    """One example response of an operation."""

    def __init__(self, status, content_type=None, body=None):
        self.status = status
        self.content_type = content_type
        self.body = body

    def response(self):
        if self.content_type is None:
            return Response(status_code=self.status)
        if self.content_type.endswith("json"):
            return JSONResponse(self.body, status_code=self.status, media_type=self.content_type)
        return Response(str(self.body), status_code=self.status, media_type=self.content_type)

    def announcement(self):
        """What the client should expect: the status and, for a JSON error, its error_code."""
        error_code = self.body.get("error_code") if isinstance(self.body, dict) and self.status >= 400 else None
        return {"status": self.status, "error_code": error_code}


def response_examples(operation):
    """Every example the file gives for the operation's responses with a numeric status, in
    status order; a 2xx response without examples gets one built from its schema."""
    examples = []
    responses = operation._responses
    for status in sorted(str(code) for code in responses if str(code).isdigit()):
        content = responses[status].get("content") or {}
        if not content:
            examples.append(Example(int(status)))
            continue
        for content_type, media in content.items():
            bodies = [named["value"] for named in (media.get("examples") or {}).values() if "value" in named]
            if not bodies and "example" in media:
                bodies = [media["example"]]
            if not bodies and "example" in (media.get("schema") or {}):
                bodies = [media["schema"]["example"]]
            if not bodies and status.startswith("2"):
                bodies = [operation.example_response(status, content_type)[0]]
            examples.extend(Example(int(status), content_type, body) for body in bodies)
    return examples or [Example(500, JSON, {"error_code": 500, "message": "the file gives this operation no response"})]


class PairRecorder:
    """ASGI middleware that appends each request and its response to a JSON-lines file."""

    def __init__(self, app, path):
        self.app = app
        self.file = open(path, "a", encoding="utf-8")

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        request_body = bytearray()
        response = {"status": None, "headers": [], "body": bytearray()}

        async def recording_receive():
            message = await receive()
            if message["type"] == "http.request":
                request_body.extend(message.get("body", b""))
            return message

        async def recording_send(message):
            if message["type"] == "http.response.start":
                response["status"] = message["status"]
                response["headers"] = message.get("headers", [])
            elif message["type"] == "http.response.body":
                response["body"].extend(message.get("body", b""))
            await send(message)

        await self.app(scope, recording_receive, recording_send)
        pair = {
            "request": {
                "method": scope["method"],
                "path": scope["path"],
                "query": scope["query_string"].decode("latin-1"),
                "headers": decode_headers(scope["headers"]),
                "body": request_body.decode("utf-8", "replace"),
            },
            "response": {
                "status": response["status"],
                "headers": decode_headers(response["headers"]),
                "body": response["body"].decode("utf-8", "replace"),
            },
        }
        self.file.write(json.dumps(pair) + "\n")
        self.file.flush()


def decode_headers(headers):
    return {name.decode("latin-1").lower(): value.decode("latin-1") for name, value in headers}


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--spec", required=True)
    parser.add_argument("--record", required=True)
    arguments = parser.parse_args()

    spec = ContractSpec.load(arguments.spec)
    resolver = ExampleResolver()
    app = AsyncApp(__name__, swagger_ui_options=SwaggerUIOptions(serve_spec=False, swagger_ui=False))
    app.add_api(
        spec.for_connexion(),
        base_path=spec.base_path,
        resolver=resolver,
        strict_validation=True,
        validate_responses=False,
    )

    listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    listener.bind(("127.0.0.1", 0))
    server = uvicorn.Server(uvicorn.Config(PairRecorder(app, arguments.record), log_level="warning", lifespan="on"))

    def stop_when_stdin_closes():
        sys.stdin.read()
        server.should_exit = True

    threading.Thread(target=stop_when_stdin_closes, daemon=True).start()

    async def serve():
        task = asyncio.create_task(server.serve(sockets=[listener]))
        while not server.started and not task.done():
            await asyncio.sleep(0.02)
        if server.started:
            operations = [
                {"method": method, "path": path, "examples": [example.announcement() for example in resolver.examples((method, spec.path_prefix + path))]}
                for method, path in spec.operations
            ]
            ready = {"port": listener.getsockname()[1], "api_root": spec.api_root, "operations": operations}
            print(json.dumps(ready), flush=True)
        await task

    asyncio.run(serve())


if __name__ == "__main__":
    main()
