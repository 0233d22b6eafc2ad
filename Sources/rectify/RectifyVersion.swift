/// `rectify --version`.
enum RectifyVersion {
    static let current = "rectify 0.5.0 (typed views, libyaml, Hummingbird)"
}
