"""Service cases: the SLA's working-hours arithmetic (`sla`), routing rules (`routing`) and the use
cases of a case from its first call to its close (`cases`)."""
