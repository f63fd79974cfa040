import ArgumentParser
import BearmonCore
import BearmonManagement
import Foundation

/// `bearmon tokens ...`: API tokens for the REST API, `/v1/checks`, monitor-srv's API and
/// browser sign-in (README, "Access"), through the catalog the REST API serves too, so the
/// rules and messages are the API's. A token is printed once, when it is made; only its
/// SHA-256 is stored. No command takes a token as an argument, so none ends up in a shell
/// history or a process listing.
struct TokensCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tokens",
        abstract: "Make, list and revoke API tokens.",
        subcommands: [TokensAddCommand.self, TokensListCommand.self, TokensRemoveCommand.self]
    )

    /// The catalog the commands work on: the database `options` name.
    static func catalog(_ options: StoreOptions) throws -> any CatalogService {
        LocalCatalog(store: try options.openStore(), host: try options.plugins.makeHost(threads: 1))
    }

    /// Runs `body`, turning the catalog's refusal into the CLI's.
    static func refusing<T>(_ body: () throws(CatalogError) -> T) throws -> T {
        do {
            return try body()
        } catch {
            throw CLIFailure(error.message)
        }
    }

    /// Every token, page by page.
    static func all(_ catalog: any CatalogService) throws -> [TokenResource] {
        var tokens: [TokenResource] = []
        var cursor: String?
        repeat {
            let page = try refusing { () throws(CatalogError) in try catalog.listTokens(PageRequest(limit: PageRequest.maxLimit, cursor: cursor)) }
            tokens += page.items
            cursor = page.next
        } while cursor != nil
        return tokens
    }
}

/// `bearmon tokens add --name N --scope read|write`.
struct TokensAddCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add",
        abstract: "Make a token and print it, once: it cannot be shown again.",
        discussion: "A read token may GET and HEAD; a write token may do anything. Requests carry it as `Authorization: Bearer TOKEN`."
    )
    @Option(help: "A unique name for the token, such as ci (at most 64 characters).") var name: String
    @Option(help: "read or write.") var scope: String
    @OptionGroup var options: StoreOptions

    func run() async throws {
        let catalog = try TokensCommand.catalog(options)
        let made = try TokensCommand.refusing { () throws(CatalogError) in
            try catalog.createToken(.object(["name": .string(name), "scope": .string(scope)]))
        }
        guard let token = made.token else { throw CLIFailure("token \(made.id) was made but its secret was not returned; revoke it with `bearmon tokens rm \(made.id)`") }
        print("added token \(made.id) (\(made.name), \(made.scope.rawValue)); it is shown only now, so store it somewhere safe:")
        print(token)
    }
}

/// `bearmon tokens list`.
struct TokensListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List tokens: name, scope, when made and when last used (never the tokens).")
    @Flag(help: "Print JSON.") var json = false
    @OptionGroup var options: StoreOptions

    func run() async throws {
        let tokens = try TokensCommand.all(try TokensCommand.catalog(options))
        if json {
            print(JSONValue.array(tokens.map {
                .object(["id": .int($0.id), "name": .string($0.name), "scope": .string($0.scope.rawValue),
                         "created_at": .int($0.createdAt), "last_used_at": $0.lastUsedAt.map(JSONValue.int) ?? .null])
            }).jsonText)
            return
        }
        var table = TextTable("ID", "NAME", "SCOPE", "CREATED", "LAST USED")
        for token in tokens {
            table.add(String(token.id), token.name, token.scope.rawValue, Self.time(token.createdAt), token.lastUsedAt.map(Self.time) ?? "never")
        }
        print(table.text)
    }

    /// Unix ms as UTC, to the second.
    static func time(_ milliseconds: Int64) -> String {
        Date(timeIntervalSince1970: TimeInterval(milliseconds) / 1_000).formatted(.iso8601)
    }
}

/// `bearmon tokens rm ID|NAME`.
struct TokensRemoveCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "rm", abstract: "Revoke a token: requests and browser sessions using it are refused from the next request on.")
    @Argument(help: "The token's id or name.") var token: String
    @OptionGroup var options: StoreOptions

    func run() async throws {
        // A pasted token is not echoed back: output may end up in logs.
        guard !token.hasPrefix(TokenSecret.prefix) else {
            throw CLIFailure("give the token's id or name, not the token itself; `bearmon tokens list` shows them")
        }
        let catalog = try TokensCommand.catalog(options)
        let tokens = try TokensCommand.all(catalog)
        // An id wins over a name that looks like one, as `tokens list` shows ids first.
        guard let row = tokens.first(where: { String($0.id) == token }) ?? tokens.first(where: { $0.name == token }) else {
            throw CLIFailure("no token has the id or name '\(token)'; `bearmon tokens list` shows them")
        }
        try TokensCommand.refusing { () throws(CatalogError) in try catalog.deleteToken(row.id) }
        print("revoked token \(row.id) (\(row.name))")
    }
}
