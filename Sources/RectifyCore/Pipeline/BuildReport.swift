/// What a finished build did: counts, warnings, and the time each step took.
public struct BuildReport: Sendable {
    public struct StepTiming: Sendable {
        public let name: String
        public let duration: Duration
        /// CPU time of this process and its render workers during the step: above the
        /// duration when the step ran on several cores.
        public var cpu: Duration = .zero
        /// The largest resident memory of the build process so far, in bytes.
        public var peakMemory = 0
        /// The resident memory of the build process when the step ended, in bytes.
        public var memory = 0
    }

    /// The output was already built from these inputs and was left as it was.
    public var upToDate = false
    /// The warnings of that earlier build, as printed then.
    public var earlierWarnings: [String] = []
    public var items = 0
    public var pages = 0
    public var filesWritten = 0
    public var warnings: [Diagnostic] = []
    /// Things the user should know that are not problems in the content.
    public var notes: [String] = []
    /// PDF files written, relative to the output folder.
    public var pdfs: [String] = []
    public var timings: [StepTiming] = []
}
