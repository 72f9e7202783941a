import Testing
import UnionHallCore

@Suite struct SearchKeyTests {
    @Test func keysForAChineseName() {
        let key = SearchKey(name: "孙学祥")
        #expect(key.simplified == "孙学祥")
        #expect(key.pinyin == "sunxuexiang")
        #expect(key.initials == "sxx")
    }

    @Test func traditionalCharactersGiveTheSameKeys() {
        #expect(SearchKey(name: "孫學祥") == SearchKey(name: "孙学祥"))
        #expect(SearchKey(name: "梁東平").simplified == "梁东平")
    }

    @Test func umlautIsTypedAsV() {
        #expect(SearchKey(name: "吕").pinyin == "lv")
    }

    @Test(arguments: [
        (String?.some("1234"), SearchQuery.lastDigits("1234")),
        ("13812345678", .lastDigits("5678")),
        ("SXX", .latin("sxx")),
        ("sun xue", .latin("sunxue")),
        ("孫學祥", .name("孙学祥")),
        ("  ", .empty),
        (String?.none, SearchQuery.empty),
    ])
    func parsesQueries(_ raw: String?, _ expected: SearchQuery) {
        #expect(SearchQuery(raw) == expected)
    }

    @Test func prefixUpperBound() {
        #expect(SearchQuery.upperBound(ofPrefix: "sxx") == "sxy")
        #expect(SearchQuery.upperBound(ofPrefix: "孙") > "孙学祥")
    }
}
