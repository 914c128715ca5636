"""An OpenAPI file as the contract harness needs it: where its v3 API starts, which operations
it has, and security handlers for connexion.

The contract client authenticates with the fixed credentials below; the handlers accept exactly
those, so a request that sends no or other credentials is refused with 401 wherever the file
demands security.
"""

import copy
from urllib.parse import urlparse

import yaml

BASIC_USER = "contract-key"
BASIC_PASSWORD = "contract-secret"
BEARER_TOKEN = "contract-token"
METHODS = ("get", "put", "post", "delete", "patch", "head", "options")


class StringTimestampLoader(yaml.SafeLoader):
    """Keeps unquoted dates as the strings they are on the wire."""


StringTimestampLoader.yaml_implicit_resolvers = {
    first: [(tag, pattern) for tag, pattern in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


class ContractSpec:
    """One OpenAPI file, loaded."""

    def __init__(self, document):
        self.document = document
        server_paths = [urlparse(server.get("url", "")).path.rstrip("/") for server in document.get("servers", [])]
        self.base_path = server_paths[0] if server_paths else ""
        prefixes = {path[: path.index("/clusters")] for path in document["paths"] if "/clusters" in path}
        if len(prefixes) > 1:
            raise ValueError(f"paths start with different prefixes before /clusters: {sorted(prefixes)}")
        self.path_prefix = prefixes.pop() if prefixes else ""
        self.operations = [
            [method.upper(), path[len(self.path_prefix):]]
            for path, item in document["paths"].items()
            for method in METHODS
            if method in item
        ]

    @classmethod
    def load(cls, path):
        with open(path, encoding="utf-8") as file:
            return cls(yaml.load(file, Loader=StringTimestampLoader))

    @property
    def api_root(self):
        """The URL path the client's base URL ends in, e.g. /kafka/v3 or /internal/kafka/v3."""
        return self.base_path + self.path_prefix

    def for_connexion(self):
        """A copy as connexion needs it: security schemes name the handlers below, and paths
        are ordered so that a literal segment comes before a template in the same place.

        OpenAPI matches concrete paths before templated ones (`/topics/-/configs` before
        `/topics/{topic_name}/configs`); connexion's router tries paths in file order instead.
        """
        document = copy.deepcopy(self.document)
        document["paths"] = dict(sorted(document["paths"].items(), key=lambda item: literal_segments_first(item[0])))
        schemes = document.get("components", {}).get("securitySchemes", {})
        for scheme in schemes.values():
            kind = (scheme.get("type"), str(scheme.get("scheme", "")).lower())
            if kind == ("http", "basic"):
                scheme["x-basicInfoFunc"] = "contract_spec.basic_info"
            elif kind == ("http", "bearer"):
                scheme["x-bearerInfoFunc"] = "contract_spec.bearer_info"
            elif kind[0] == "oauth2":
                scheme["x-tokenInfoFunc"] = "contract_spec.token_info"
                scheme["x-scopeValidateFunc"] = "contract_spec.scopes_granted"
        return document


def literal_segments_first(path):
    return [(segment.startswith("{"), segment) for segment in path.split("/")]


def basic_info(username, password, required_scopes=None):
    if username == BASIC_USER and password == BASIC_PASSWORD:
        return {"sub": username}
    return None


def bearer_info(token):
    return {"sub": "bearer"} if token == BEARER_TOKEN else None


def token_info(token):
    return {"sub": "bearer", "scope": []} if token == BEARER_TOKEN else None


def scopes_granted(required_scopes, token_scopes):
    return True

