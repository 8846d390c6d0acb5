"""The page sandbox keeps its verdict on an attribute per type and name: a name allowed on one
type stays refused on another, on every page after the first."""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from explainer.outputs.render import make_environment
from jinja2.exceptions import SecurityError


@pytest.mark.parametrize(
    ("allowed", "refused"),
    [
        (SimpleNamespace(append="a record's field"), []),
        (SimpleNamespace(mro="a record's field"), str),
        (SimpleNamespace(update="a record's field"), {}),
    ],
    ids=["list-append", "class-mro", "dict-update"],
)
def test_a_name_allowed_on_one_type_stays_refused_on_another(
    allowed: object, refused: object
) -> None:
    env = make_environment()
    name = next(iter(vars(allowed)))
    page = env.from_string(f"{{{{ value.{name} }}}}")
    assert page.render(value=allowed) == "a record&#39;s field"
    for _ in range(2):
        with pytest.raises(SecurityError):
            page.render(value=refused)
