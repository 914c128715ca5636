"""Judges the recorded request/response pairs of a contract run again, with openapi-core.

A second validator, independent of connexion, checks each request (path, parameters, body,
security) and each response (status, headers, body) against the same OpenAPI file.

Usage: check_pairs.py --spec FILE --pairs FILE
Prints one line per failing pair and a summary; exits 1 if any pair fails or none were recorded.
"""

import argparse
import json
import sys
from urllib.parse import parse_qs

from openapi_core import Config, OpenAPI
from openapi_core.testing import MockRequest, MockResponse

from contract_spec import ContractSpec

HOST = "http://127.0.0.1"


def checker(spec):
    """openapi-core over the file, with its servers pointed at the loopback host."""
    document = json.loads(json.dumps(spec.document))
    document["servers"] = [{"url": HOST + spec.base_path}]
    return OpenAPI.from_dict(document, config=Config(spec_validator_cls=None))


def request_of(pair):
    request = pair["request"]
    headers = request["headers"]
    return MockRequest(
        HOST,
        request["method"],
        request["path"],
        args={name: values[-1] for name, values in parse_qs(request["query"], keep_blank_values=True).items()},
        headers=headers,
        data=request["body"].encode("utf-8") if request["body"] else None,
        content_type=headers.get("content-type", "application/json"),
    )


def response_of(pair):
    response = pair["response"]
    headers = response["headers"]
    return MockResponse(
        response["body"].encode("utf-8"),
        status_code=response["status"],
        headers=headers,
        content_type=headers.get("content-type", "application/json"),
    )


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--spec", required=True)
    parser.add_argument("--pairs", required=True)
    arguments = parser.parse_args()

    spec = ContractSpec.load(arguments.spec)
    openapi = checker(spec)
    with open(arguments.pairs, encoding="utf-8") as file:
        pairs = [json.loads(line) for line in file if line.strip()]

    failures = 0
    for pair in pairs:
        request = request_of(pair)
        where = f'{pair["request"]["method"]} {pair["request"]["path"]}'
        for kind, check in (
            ("request", lambda: openapi.validate_request(request)),
            ("response", lambda: openapi.validate_response(request, response_of(pair))),
        ):
            try:
                check()
            except Exception as error:
                failures += 1
                cause = f" ({error.__cause__})" if error.__cause__ else ""
                print(f"{where}: {kind} rejected: {error}{cause}")
    print(f"openapi-core checked {len(pairs)} pairs against {arguments.spec}: {failures} rejected")
    sys.exit(1 if failures or not pairs else 0)


if __name__ == "__main__":
    main()
