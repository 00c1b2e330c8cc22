"""Activities: the activity form, its recurrence editor, My day."""
