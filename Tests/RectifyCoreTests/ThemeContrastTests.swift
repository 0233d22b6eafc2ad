import Foundation
import Testing

/// The warning colours pass WCAG AA (contrast ≥ 4.5:1 for normal text) against their
/// backgrounds, read from the theme's stylesheet.
@Suite struct ThemeContrastTests {
    let variables: [String: String]

    init() throws {
        let css = try String(contentsOf: Repository.theme.appending(path: "static/style.css"), encoding: .utf8)
        var found: [String: String] = [:]
        for match in css.matches(of: /--([a-z-]+):\s*#([0-9a-fA-F]{6});/) { found[String(match.1)] = String(match.2) }
        variables = found
    }

    static func luminance(_ hex: String) -> Double {
        let value = Int(hex, radix: 16)!
        let channels = [(value >> 16) & 0xFF, (value >> 8) & 0xFF, value & 0xFF].map { Double($0) / 255 }
        let linear = channels.map { $0 <= 0.03928 ? $0 / 12.92 : pow(($0 + 0.055) / 1.055, 2.4) }
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]
    }

    static func contrast(_ a: String, _ b: String) -> Double {
        let (x, y) = (luminance(a), luminance(b))
        return (max(x, y) + 0.05) / (min(x, y) + 0.05)
    }

    @Test(arguments: [("green", "green-bg"), ("yellow", "yellow-bg"), ("red", "red-bg"), ("muted", "bg-soft"), ("accent", "bg-soft"), ("text", "bg-soft")])
    func passesAA(_ pair: (String, String)) throws {
        let foreground = try #require(variables[pair.0]), background = try #require(variables[pair.1])
        #expect(Self.contrast(foreground, background) >= 4.5, "\(pair.0) on \(pair.1): \(Self.contrast(foreground, background))")
    }

    @Test func theFormulaMatchesKnownValues() {
        #expect(abs(Self.contrast("000000", "ffffff") - 21) < 0.01)
        #expect(abs(Self.contrast("777777", "ffffff") - 4.48) < 0.01)
    }
}
