/// One result row: values in select-list order.
package struct SQLRow: Sendable {
    /// The row's values.
    package let values: [SQLValue]

    /// Creates a row.
    package init(_ values: [SQLValue]) { self.values = values }

    /// The value at `index`, or NULL past the end.
    package subscript(_ index: Int) -> SQLValue { index < values.count ? values[index] : .null }

    /// Integer at `index`, or 0 when NULL (for NOT NULL columns).
    package func int(_ index: Int) -> Int64 { self[index].int ?? 0 }

    /// Text at `index`, or "" when NULL (for NOT NULL columns).
    package func string(_ index: Int) -> String { self[index].text ?? "" }
}
