"""SQL functions spelled one way on SQLite and another on an office server (PostgreSQL).

A query names the function (`month_day(Contact.birthday)`); the statement is compiled for the engine it
runs on. Each spelling receives the compiled arguments, so the SQL text of both stays side by side.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.compiler import SQLCompiler
from sqlalchemy.sql.functions import FunctionElement
from sqlalchemy.types import TypeEngine

Spelling = Callable[..., str]


def per_engine(name: str, sqlite: Spelling, server: Spelling,
               type_: TypeEngine[Any] | None = None) -> type[FunctionElement[Any]]:
    """A SQL function class called `name`, written by `sqlite` or by `server` from its compiled arguments."""
    attributes: dict[str, Any] = {"inherit_cache": True, "name": name}
    if type_ is not None:
        attributes["type"] = type_
    function: type[FunctionElement[Any]] = type(name, (FunctionElement,), attributes)

    def written(spelling: Spelling) -> Callable[..., str]:
        def compile_it(element: FunctionElement[Any], compiler: SQLCompiler, **kw: Any) -> str:
            return spelling(*(compiler.process(clause, **kw) for clause in element.clauses))
        return compile_it

    compiles(function)(written(sqlite))
    compiles(function, "postgresql")(written(server))
    return function
