"""Activities: planning, series and their exceptions, completing and handing over."""
