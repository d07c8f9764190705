/// A value read from a file together with the place it was read from.
///
/// Every field that a rule may complain about keeps its location, so a finding can point at the
/// exact line and column of the value rather than at the top of the file.
package struct Located<Value> {
    package var value: Value
    package var location: SourceLocation

    package init(_ value: Value, at location: SourceLocation) {
        self.value = value
        self.location = location
    }
}

extension Located: Sendable where Value: Sendable {}
extension Located: Equatable where Value: Equatable {}
extension Located: Hashable where Value: Hashable {}

extension Located where Value == String {
    /// The same as the generic initializer, compiled for strings.
    ///
    /// Other modules cannot specialize a generic initializer of this one, so each call would go
    /// through the value's witness table; loading makes one per value of every file, and
    /// overload resolution picks this concrete one wherever `Value` is `String`.
    package init(_ value: String, at location: SourceLocation) {
        self.value = value
        self.location = location
    }
}
