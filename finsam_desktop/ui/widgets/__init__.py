"""Small reusable widgets shared by panels and dialogs."""
