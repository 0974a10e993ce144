"""Interview practice: question browser, drills, recording, rubric and progress."""
