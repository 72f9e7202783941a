import Testing
import UnionHallCore

@Suite struct IDNumberTests {
    /// The standard's own example and numbers built by hand from its weights.
    @Test(arguments: ["11010519491231002X", "11010519491231002x", "440524188001010014", "620102199001011233", "621002198503170358"])
    func acceptsValidNumbers(_ number: String) {
        #expect(throws: Never.self) { try IDNumber.parse(number).get() }
    }

    @Test(arguments: [
        ("110105194912310021", IDNumber.Problem.checksum),
        ("620102199001011234", .checksum),
        ("11010519491231002", .length),
        ("1101051949123100200", .length),
        ("11010519491A31002X", .characters),
        ("110105199902300028", .birthDate),
        ("110105187912310021", .birthDate),
        ("110105194913310021", .birthDate),
    ])
    func rejectsInvalidNumbers(_ number: String, _ problem: IDNumber.Problem) {
        #expect(IDNumber.parse(number) == .failure(problem))
    }

    @Test func derivesGenderAndBirthDate() throws {
        let id = try IDNumber.parse("11010519491231002X").get()
        #expect(id.gender == .female)
        #expect(id.birthDate == CivilDate(year: 1949, month: 12, day: 31))
        #expect(try IDNumber.parse("440524188001010014").get().gender == .male)
        #expect(id.lastFour == "002X")
    }

    @Test func madeNumbersAreValid() throws {
        for sequence in 100..<300 {
            let made = IDNumber.make(region: 621_002, birth: CivilDate(year: 1985, month: 2, day: 28)!, sequence: sequence)
            #expect(try IDNumber.parse(made.value).get() == made)
            #expect(made.gender == (sequence % 2 == 1 ? .male : .female))
        }
    }
}

@Suite struct CreditCodeTests {
    /// Codes published by their holders, checked against GB 32100's check character.
    @Test(arguments: ["91350100M000100Y43", "91110000600037341L"])
    func acceptsValidCodes(_ code: String) {
        #expect(throws: Never.self) { try CreditCode.parse(code).get() }
    }

    @Test(arguments: [
        ("91350100M000100Y44", CreditCode.Problem.checksum),
        ("91350100M000100Y4", .length),
        ("91350100M000100YI3", .characters),
        ("91350100O000100Y43", .characters),
    ])
    func rejectsInvalidCodes(_ code: String, _ problem: CreditCode.Problem) {
        #expect(CreditCode.parse(code) == .failure(problem))
    }

    @Test func madeCodesAreValid() throws {
        let code = try #require(CreditCode.make(body: "91621002MA7000001"))
        #expect(try CreditCode.parse(code.value).get() == code)
        #expect(CreditCode.make(body: "91621002MA70000") == nil)
    }
}

@Suite struct MobileAndMaskingTests {
    @Test(arguments: ["13812345678", "+86 138 1234 5678", "8613812345678", "199-0000-1111"])
    func acceptsMobiles(_ raw: String) {
        #expect(MobileNumber.parse(raw) != nil)
    }

    @Test(arguments: ["12812345678", "1381234567", "138123456789", "abcdefghijk", ""])
    func rejectsMobiles(_ raw: String) {
        #expect(MobileNumber.parse(raw) == nil)
    }

    @Test func masksPersonalData() {
        #expect(Masking.idNumber("620102199001011233") == "620102********1233")
        #expect(Masking.mobile("13812345678") == "138****5678")
        // Too short to hide anything: all stars; other scripts by character, as ASCII by byte.
        #expect(Masking.idNumber("1234567890") == "**********")
        #expect(Masking.mobile("1234567") == "*******")
        #expect(Masking.mobile("") == "")
        #expect(Masking.idNumber("六二〇一〇二一九九〇〇一〇一一二三三") == "六二〇一〇二********一二三三")
        #expect(Masking.mobile("１３８１２３４５６７８") == "１３８****５６７８")
        #expect(Masking.name("陈帮贵") == "陈*贵")
        #expect(Masking.name("刘倩") == "刘*")
    }

    @Test(arguments: [
        (Int64(39_360_000), "¥393,600.00"), (545_000, "¥5,450.00"), (454_500_000, "¥4,545,000.00"), (5, "¥0.05"), (-120, "-¥1.20"),
    ])
    func formatsMoney(_ fen: Int64, _ text: String) {
        #expect(Fen(fen).description == text)
    }
}

@Suite struct FenParsingTests {
    @Test(arguments: [("5600000", Int64(560_000_000)), ("393,600.00", 39_360_000), ("¥5,450", 545_000), ("0.5", 50), ("12.34", 1_234)])
    func parsesYuan(_ text: String, _ fen: Int64) {
        #expect(Fen.parse(yuan: text) == Fen(fen))
    }

    @Test(arguments: ["", "abc", "1.234", "1.2.3", "12a", "99999999999999999999"])
    func rejects(_ text: String) {
        #expect(Fen.parse(yuan: text) == nil)
    }

    @Test func plainForm() {
        #expect(Fen(560_000_005).plainYuan == "5600000.05")
    }
}
