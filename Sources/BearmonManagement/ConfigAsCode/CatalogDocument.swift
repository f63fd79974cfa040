package import BearmonCore

/// A config-as-code file, read: checks and contacts keyed by name, alerts linking them by
/// name, maintenance windows keyed by name. Every item keeps the line it came from, for messages.
package struct CatalogDocument: Sendable, Equatable {
    /// A check, as the file gives it; fields left out have their defaults.
    package struct Check: Sendable, Equatable {
        /// The check's name (its key under `checks`).
        package var name: String
        /// The line of the name.
        package var line: Int
        /// The check type, such as http.
        package var type: String
        /// The line of the type.
        package var typeLine: Int
        /// The type's parameters (an object), masks included as written; text only for a
        /// stored row whose data is not JSON.
        package var data: JSONValue
        /// The line of `data` (or of the name when absent).
        package var dataLine: Int
        /// Seconds between runs (default 60).
        package var interval: Int64
        /// Extra rounds a new state must hold before it flips (default 1).
        package var delay: Int64
        /// Whether it runs (default true).
        package var enabled: Bool
        /// Whether the public status page shows it (default false).
        package var isPublic: Bool
        /// Tags, sorted and without repeats.
        package var tags: [String]
        /// The names of the file's checks it depends on (`depends_on`, issue 22), sorted.
        package var dependsOn: [String] = []
        /// The line of `depends_on` (or of the name when absent).
        package var dependsOnLine = 0
        /// The nodes it is pinned to, sorted and without repeats; empty for any worker.
        package var nodes: [String] = []
    }

    /// A contact's data: a plain string (an address, a number, a URL) or the type's parameters.
    package enum ContactData: Sendable, Equatable {
        /// A plain string, stored as it is.
        case text(String)
        /// An object of parameters, stored as JSON.
        case object(JSONValue)

        /// The stored form.
        package var stored: String {
            switch self {
            case .text(let text): text
            case .object(let object): object.jsonText
            }
        }
    }

    /// A contact, as the file gives it.
    package struct Contact: Sendable, Equatable {
        /// The contact's name (its key under `contacts`).
        package var name: String
        /// The line of the name.
        package var line: Int
        /// The contact type, such as email.
        package var type: String
        /// The line of the type.
        package var typeLine: Int
        /// Its data, masks included as written.
        package var data: ContactData
        /// The line of `data`.
        package var dataLine: Int
    }

    /// An alert: notify `contact` when `check` flips.
    package struct Alert: Sendable, Equatable {
        /// The check's name.
        package var check: String
        /// The contact's name.
        package var contact: String
        /// When to notify (default both).
        package var type: AlertType
        /// Whether it notifies (default true).
        package var enabled: Bool
        /// The line of the alert.
        package var line: Int
        /// Milliseconds after an offline flip before the contact is told (`after`, issue 23); 0: at once.
        package var afterMilliseconds: Int64 = 0
        /// Milliseconds between "still offline" reminders (`repeat`); 0: none.
        package var repeatMilliseconds: Int64 = 0
        /// The name of the contact that stands in when delivery fails (`fallback`), if any.
        package var fallback: String? = nil
        /// The line of `fallback` (or of the alert when absent).
        package var fallbackLine = 0

        /// "alert web -> ops", for messages.
        package var label: String { "alert \(check) -> \(contact)" }
    }

    /// A maintenance window (README, "Maintenance windows"), keyed by its name.
    package struct Maintenance: Sendable, Equatable {
        /// Its name (its key under `maintenances`); `maintenance-ID` for a stored window without one.
        package var name: String
        /// The line of the name.
        package var line: Int
        /// What it covers (a check by name, a tag, or all), when, and why.
        package var input: MaintenanceInput
    }

    /// Checks, in file order.
    package var checks: [Check]
    /// Contacts, in file order.
    package var contacts: [Contact]
    /// Alerts, in file order.
    package var alerts: [Alert]
    /// Maintenance windows, in file order.
    package var maintenances: [Maintenance]

    /// A document from its parts.
    package init(checks: [Check], contacts: [Contact], alerts: [Alert], maintenances: [Maintenance] = []) {
        self.checks = checks
        self.contacts = contacts
        self.alerts = alerts
        self.maintenances = maintenances
    }
}
