"""The meetings panel (Sammanträden): plan, summon, minute, sign, seal and post."""
