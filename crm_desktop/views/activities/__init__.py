"""The activity screens: the activity form and what it is built from."""
