import Testing
import RectifyCore

@Suite struct NaturalOrderTests {
    @Test func digitRunsCompareAsNumbers() {
        let ids = ["1.2.10", "1.10.1", "1.2.9", "2.1", "1.2", "10.1", "1.2.1"]
        #expect(ids.sorted(by: NaturalOrder.areInIncreasingOrder) == ["1.2", "1.2.1", "1.2.9", "1.2.10", "1.10.1", "2.1", "10.1"])
        #expect(["A10", "A2", "B1", "A1"].sorted(by: NaturalOrder.areInIncreasingOrder) == ["A1", "A2", "A10", "B1"])
    }
}

@Suite struct DayTests {
    @Test func parsesOnlyRealDatesInISOForm() {
        #expect(Day("2026-02-28")?.description == "2026-02-28")
        #expect(Day("2028-02-29") != nil)
        for bad in ["2026-02-29", "2026-13-01", "2026-1-1", "26-01-01", "2026/01/01", "", "２０２６-01-01"] {
            #expect(Day(bad) == nil, "\(bad) should be rejected")
        }
    }

    @Test func countsDaysAcrossMonthsAndYears() {
        #expect(Day("2026-12-31")!.days(until: Day("2027-01-01")!) == 1)
        #expect(Day("2028-02-28")!.days(until: Day("2028-03-01")!) == 2)
        #expect(Day("1970-01-01")!.ordinal == 0)
    }
}
