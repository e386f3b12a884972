"""The front doors: the API, the spaCy component, the command line and the HTML renderer."""
