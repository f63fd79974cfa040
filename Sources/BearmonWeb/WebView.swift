import BearmonCore

/// What the templates are rendered from: plain values, every text escaped by the template
/// unless it is markup bearmon built itself (``Bars``, charts).
enum WebView {
    /// The parts every page shares.
    struct Frame {
        let title: String
        let heading: String
        let css: String
        let script: String
        let refresh: Bool
        let guarded: Bool
        let feed: Bool
        let footer: String?
    }

    /// A check's bars: SVG markup from ``UptimeBars``, and what they were drawn from.
    struct Bars {
        let days: String
        let hours: String?
        let ratio: Double?
        let hourly: [(hourStart: Int64, aggregate: ResultAggregate)]
    }

    /// A page that only says something.
    struct Message {
        let frame: Frame
        let text: String
    }

    /// The acknowledge link's form.
    struct AckForm {
        let frame: Frame
        let text: String
        let eventID: String
        let signature: String
    }

    /// One choice in a filter.
    struct Option {
        let value: String
        let label: String
        let selected: Bool
    }

    /// One worker's newest result.
    struct Worker {
        let node: String
        let status: String
        let latency: String
        let ago: String
        let time: String
        let message: String
    }

    /// The dashboard.
    struct Dashboard {
        let frame: Frame
        let query: DashboardQuery
        let statusOptions: [Option]
        let typeOptions: [Option]
        let tagOptions: [Option]
        let summary: String
        let rows: [Row]
        let page: Int
        let pages: Int
        let previous: String?
        let next: String?

        /// One check's row.
        struct Row {
            let id: Int64
            let name: String
            let type: String
            let tags: [String]
            let state: String
            let stateLabel: String
            let overlays: [String]
            let days: String
            let hours: String?
            let uptime: String
            let sparkline: String
            let latency: String
            let workers: [Worker]
            let round: String
        }
    }

    /// A check's page.
    struct Check {
        let frame: Frame
        let state: String
        let stateLabel: String
        let type: String
        let tags: [String]
        let interval: String
        let isPublic: Bool
        let overlays: [String]
        let uptime: [Window]
        let bars: Bars
        let chart: String
        let latencySummary: String
        let workers: [Worker]
        let incidents: [Outage]
        let data: String

        /// Uptime over one window.
        struct Window {
            let window: String
            let value: String
        }

        /// One incident and its notifications.
        struct Outage {
            let start: String
            let end: String
            let duration: String
            let message: String
            let hasNotifications: Bool
            let notifications: [Notification]
        }

        /// One notification and how it fared.
        struct Notification {
            let contact: String
            let kind: String
            let eventID: String
            let attempts: Int64
            let outcome: String
            let receipt: String
        }
    }

    /// The public status page.
    struct Status {
        let frame: Frame
        let banner: String
        let bannerState: String
        let hasMaintenance: Bool
        let maintenance: [String]
        let groups: [Group]
        let incidents: [Outage]

        /// The public checks with one tag.
        struct Group {
            let name: String
            let checks: [Entry]
        }

        /// One public check.
        struct Entry {
            let name: String
            let state: String
            let stateLabel: String
            let days: String
            let hours: String?
            let uptime: String
        }

        /// One incident, its message only when `[status] showMessages`.
        struct Outage {
            let name: String
            let start: String
            let end: String
            let duration: String
            let message: String?
        }
    }

    /// The Atom feed.
    struct Feed {
        let title: String
        let id: String
        let updated: String
        let base: String
        let entries: [Entry]

        /// One incident.
        struct Entry {
            let title: String
            let id: String
            let published: String
            let updated: String
            let base: String
            let summary: String
        }
    }
}
