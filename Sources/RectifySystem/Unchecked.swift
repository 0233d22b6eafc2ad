/// A value handed to concurrent work that the caller knows is used safely: the one
/// `@unchecked Sendable` wrapper of the project.
package struct Unchecked<T>: @unchecked Sendable {
    package let value: T
    package init(_ value: T) { self.value = value }
}
