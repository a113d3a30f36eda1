"""Table models (QAbstractTableModel adapters): no SQL, no rules."""
