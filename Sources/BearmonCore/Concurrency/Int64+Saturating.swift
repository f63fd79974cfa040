extension Int64 {
    /// These seconds in milliseconds, saturating at the type's bounds instead of trapping: a
    /// number read from a row written by SQL can be any 64-bit value.
    package var secondsInMilliseconds: Int64 {
        let (product, overflow) = multipliedReportingOverflow(by: 1_000)
        return overflow ? (self < 0 ? .min : .max) : product
    }

    /// `self + other`, saturating at the type's bounds instead of trapping.
    package func saturatingAdding(_ other: Int64) -> Int64 {
        let (sum, overflow) = addingReportingOverflow(other)
        return overflow ? (other < 0 ? .min : .max) : sum
    }

    /// `self - other`, saturating at the type's bounds instead of trapping.
    package func saturatingSubtracting(_ other: Int64) -> Int64 {
        let (difference, overflow) = subtractingReportingOverflow(other)
        return overflow ? (other < 0 ? .max : .min) : difference
    }
}
