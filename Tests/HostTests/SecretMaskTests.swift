import Testing
@testable import BearmonSystem

/// The masking rules, against the URLs an attacker or a careless user would store.
@Suite("secret masking")
struct SecretMaskTests {
    let m = SecretMask.mask

    @Test("userinfo and credential query values are masked; the rest is kept")
    func basic() {
        #expect(SecretMask.url("https://bob:hunter2@example.com:8443/a/b?token=abc&page=2#top")
            == "https://\(m)@example.com:8443/a/b?token=\(m)&page=2#top")
        #expect(SecretMask.url("http://example.com/") == "http://example.com/")
        #expect(SecretMask.url("") == "")
        #expect(SecretMask.url("http://user@example.com/") == "http://\(m)@example.com/")
    }

    @Test("credential names: the issue's words, compounds and case; ordinary names are kept")
    func names() {
        for name in ["token", "KEY", "secret", "Password", "passwd", "sig", "signature", "auth", "api_key", "access_token",
                     "apiKey", "X-Amz-Signature", "X-Amz-Security-Token", "authToken", "client_secret", "apikey", "oauth_token", "refreshtoken"] {
            #expect(SecretMask.isCredentialName(name), "\(name)")
        }
        for name in ["page", "keyword", "author", "design", "authuser", "monkeys", "q", "", "signup", "passage"] {
            #expect(!SecretMask.isCredentialName(name), "\(name)")
        }
    }

    @Test("no scheme, a leading //, a scheme with one slash")
    func noScheme() {
        #expect(SecretMask.url("bob:pw@example.com/x?key=1") == "\(m)@example.com/x?key=\(m)")
        #expect(SecretMask.url("//bob:pw@example.com/") == "//\(m)@example.com/")
        #expect(SecretMask.url("http:/bob:pw@example.com/") == "http:/\(m)@example.com/")
        #expect(SecretMask.url("http:\\\\bob:pw@example.com/") == "http:\\\\\(m)@example.com/")
        #expect(SecretMask.url("localhost:8080/x?token=t") == "localhost:8080/x?token=\(m)")
    }

    @Test("IPv6 literals keep their brackets and port")
    func ipv6() {
        #expect(SecretMask.url("http://u:p@[::1]:8080/?sig=zz") == "http://\(m)@[::1]:8080/?sig=\(m)")
        #expect(SecretMask.url("http://[fe80::1%25eth0]/") == "http://[fe80::1%25eth0]/")
    }

    @Test("percent-encoded and '+' names are read as a server reads them")
    func percentEncoding() {
        #expect(SecretMask.url("http://h/?%74oken=abc&api%5Fkey=def&pass+word=x") == "http://h/?%74oken=\(m)&api%5Fkey=\(m)&pass+word=\(m)")
        #expect(SecretMask.url("http://h/?a=%zz&token=%41") == "http://h/?a=%zz&token=\(m)")
        #expect(SecretMask.url("http://h/?%=1&%4=2") == "http://h/?%=1&%4=2")
    }

    @Test("'@' in the path or query is not userinfo; the last '@' of the authority is")
    func atSigns() {
        #expect(SecretMask.url("https://medium.com/@bob/post") == "https://medium.com/@bob/post")
        #expect(SecretMask.url("http://h/?email=a@b.c") == "http://h/?email=a@b.c")
        #expect(SecretMask.url("http://a@b:c@evil.example/") == "http://\(m)@evil.example/")
    }

    @Test("repeated parameters, ';' separators, empty values and fragments")
    func repeated() {
        #expect(SecretMask.url("http://h/?token=a&token=b&x=1;key=c&token=") == "http://h/?token=\(m)&token=\(m)&x=1;key=\(m)&token=")
        #expect(SecretMask.url("http://h/cb#access_token=abc&state=1") == "http://h/cb#access_token=\(m)&state=1")
        #expect(SecretMask.url("http://h/?&&token") == "http://h/?&&token")
    }

    @Test("a URL nested in a query value or a path is masked too")
    func nested() {
        #expect(SecretMask.url("http://h/?next=http://u:p@i/?token=t") == "http://h/?next=http://\(m)@i/?token=\(m)")
        #expect(SecretMask.url("http://proxy/http://u:p@i/") == "http://proxy/http://\(m)@i/")
        #expect(SecretMask.url("http://proxy/x?a=1#s://u:p@i/") == "http://proxy/x?a=1#s://\(m)@i/")
    }

    @Test("the search for a nested scheme finds it at either end, and nothing shorter")
    func schemeSeparator() {
        for (text, found) in [("://", true), ("a://", true), ("://b", true), ("a:/b/", false), (":/", false), ("", false), (":::///", true), ("é://", true)] {
            let bytes = Array(text.utf8)
            #expect(SecretMask.containsSchemeSeparator(bytes[...]) == found, "\(text)")
            #expect(SecretMask.containsSchemeSeparator(([0x41] + bytes)[1...]) == found, "\(text), a slice not starting at 0")
        }
    }

    @Test("non-UTF-8 and control bytes are survived, secrets still masked")
    func nonUTF8() {
        let bytes: [UInt8] = Array("http://u:p@h/\u{1}?".utf8) + [0xFF, 0xFE] + Array("=1&token=s3cret".utf8)
        let shown = SecretMask.url(String(decoding: bytes, as: UTF8.self))
        #expect(!shown.contains("s3cret"))
        #expect(!shown.contains("u:p"))
        #expect(shown.hasSuffix("token=\(m)"))
    }

    @Test("a very long URL is masked whole")
    func long() {
        let filler = String(repeating: "a=1&", count: 50_000)
        let shown = SecretMask.url("http://h/?" + filler + "token=secret&" + filler)
        #expect(!shown.contains("secret"))
        #expect(shown.utf8.count == 10 + 2 * filler.utf8.count + "token=\(m)&".utf8.count)
    }

    @Test("URLs inside messages are found and masked; the words around them are kept")
    func inText() {
        #expect(SecretMask.urls(in: "GET https://u:p@h/?token=t answered 200") == "GET https://\(m)@h/?token=\(m) answered 200")
        #expect(SecretMask.urls(in: "timed out (GET http://h/?key=k).") == "timed out (GET http://h/?key=\(m)).")
        #expect(SecretMask.urls(in: "redirect to \"ftp://a:b@c/\" and 'http://d/?sig=e'") == "redirect to \"ftp://\(m)@c/\" and 'http://d/?sig=\(m)'")
        #expect(SecretMask.urls(in: "no url here: a://") == "no url here: a://")
        #expect(SecretMask.urls(in: "odd ://u:p@h/ start") == "odd ://\(m)@h/ start")
        #expect(SecretMask.urls(in: "") == "")
        #expect(SecretMask.urls(in: "://://://") == "://://://")
    }

    @Test("a contact URL is shown without its path")
    func withoutPath() {
        #expect(SecretMask.urlWithoutPath("https://hooks.slack.com/services/T0/B0/XXXX") == "https://hooks.slack.com/\(m)")
        #expect(SecretMask.urlWithoutPath("https://u:p@[::1]:9/x?y#z") == "https://\(m)@[::1]:9/\(m)")
        #expect(SecretMask.urlWithoutPath("https://example.com") == "https://example.com")
    }

    @Test("a masked URL sent back keeps the stored secrets; other edits are taken")
    func restore() throws {
        let stored = "https://bob:pw@old.example/p?token=a&token=b&x=1#sig=f"
        #expect(try SecretMask.restoreURL(SecretMask.url(stored), from: stored) == stored)
        #expect(try SecretMask.restoreURL("https://\(m)@new.example/q?token=\(m)&token=c&x=2#sig=\(m)", from: stored)
            == "https://bob:pw@new.example/q?token=a&token=c&x=2#sig=f")
        #expect(try SecretMask.restoreURL("https://other:pw2@new.example/", from: stored) == "https://other:pw2@new.example/")
        let hook = "https://hooks.slack.com/services/T0/B0/XXXX?x=1"
        #expect(try SecretMask.restoreURL(SecretMask.urlWithoutPath(hook), from: hook) == hook)
    }

    @Test("a mask with nothing stored to keep is refused, naming the part")
    func restoreRefused() {
        #expect(throws: SecretMask.RestoreError.self) { try SecretMask.restoreURL("https://\(m)@h/", from: "https://h/") }
        do {
            _ = try SecretMask.restoreURL("https://h/?token=a&token=\(m)", from: "https://h/?token=a")
            Issue.record("accepted a mask with no stored value")
        } catch {
            #expect(error.description.contains("'token'"))
        }
    }
}
