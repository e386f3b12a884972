"""Step 0, the Doc: loading pipelines, making Docs of any text, and facts about their tokens."""
