/// What a new password must be: at least 12 characters, not one of the commonest passwords,
/// not the username, and not a run of one character or a keyboard or digit sequence.
public enum PasswordPolicy {
    public static let minLength = 12
    public static let maxLength = 128

    public static func check(_ password: String, username: String) -> FieldIssue? {
        let field = "password"
        guard password.count >= minLength else {
            return FieldIssue(field: field, key: "error.password.short", arguments: [String(minLength)])
        }
        guard password.count <= maxLength else {
            return FieldIssue(field: field, key: "error.password.long", arguments: [String(maxLength)])
        }
        let folded = password.lowercased()
        if common.contains(folded) || Set(folded).count <= 3 || isSequence(folded)
            || (!username.isEmpty && folded.contains(username.lowercased()))
        {
            return FieldIssue(field: field, key: "error.password.common")
        }
        return nil
    }

    /// `123456789012`, `abcdefghijkl`, `qwertyuiop[]`: runs along a row of keys or the alphabet, either way.
    static func isSequence(_ text: String) -> Bool {
        let rows = ["1234567890-=", "qwertyuiop[]", "asdfghjkl;'", "zxcvbnm,./", "abcdefghijklmnopqrstuvwxyz", "01234567890123456789"]
        // Three turns of a row hold every run along it, wrapping round included.
        return rows.contains { row in
            String(repeating: row, count: 3).contains(text) || String(repeating: String(row.reversed()), count: 3).contains(text)
        }
    }

    /// The commonest passwords of 12 characters or more in published leak lists, lower-cased.
    static let common: Set<String> = [
        "123456789012", "1234567890123", "12345678901234", "123456123456", "123123123123", "111111111111",
        "000000000000", "123412341234", "121212121212", "147258369147", "147258369258", "159357159357",
        "password1234", "password12345", "password123456", "password@123", "password@1234", "passw0rd1234",
        "p@ssw0rd1234", "p@ssword1234", "qwerty123456", "qwertyuiop12", "qwertyuiop123", "1qaz2wsx3edc",
        "1q2w3e4r5t6y", "1q2w3e4r5t6y7u", "qazwsxedcrfv", "zaq12wsxcde3", "1qazxsw23edc", "asdfghjkl123",
        "abc123456789", "abcd12345678", "abcd1234abcd", "aa1234567890", "a12345678901", "a123456789012",
        "admin1234567", "admin@123456", "administrator", "administrator1", "iloveyou1234", "welcome12345",
        "welcome@1234", "changeme1234", "letmein12345", "woaini123456", "woaini520520", "woaini1314520",
        "5201314520131", "520131452013", "1314520131452", "13145201314520", "aini1314aini", "wodemima1234",
        "mima12345678", "zhangwei1234", "wangwei12345", "union@202412", "union@2024union", "gonghui12345",
        "gonghui@2024", "gonghui123456", "qweasdzxc123", "qweasdzxc1234", "1234qwerasdf", "1234qwerasdfzxcv",
        "asdf1234asdf", "zxcvbnm12345", "football1234", "baseball1234", "superman1234", "sunshine1234",
        "princess1234", "dragon123456", "monkey123456", "master123456", "shadow123456", "starwars1234",
        "trustno11234", "whatever1234", "computer1234", "internet1234", "china1234567", "beijing12345",
        "shanghai1234", "abcdefg12345", "aaaa11111111", "a1b2c3d4e5f6", "1a2b3c4d5e6f", "q1w2e3r4t5y6",
    ]
}
