import Mustache

/// The pages' templates, compiled into the binary (copying `bearmon` alone is enough).
/// `{{name}}` escapes for HTML and XML; `{{{name}}}` is used only for markup bearmon builds
/// itself from numbers and fixed words (bars, charts) and for the stylesheet and script.
enum WebTemplates {
    /// Every template, parsed once; a template that does not parse is a bug caught by the first test.
    static let library: MustacheLibrary = {
        var library = MustacheLibrary()
        for (name, text) in [("head", head), ("foot", foot), ("dashboard", dashboard), ("check", check), ("status", status),
                             ("feed", feed), ("message", message), ("bars", bars), ("ack", ack)] {
            do {
                try library.register(text, named: name)
            } catch {
                preconditionFailure("template \(name) does not parse: \(error)")
            }
        }
        return library
    }()

    static let head = """
    {{#frame}}<!doctype html>
    <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
    <title>{{title}}</title>
    {{#feed}}<link rel="alternate" type="application/atom+xml" title="Incidents" href="/status/feed.atom">{{/feed}}
    {{#refresh}}<noscript><meta http-equiv="refresh" content="60"></noscript>{{/refresh}}
    <style>{{{css}}}</style></head>
    <body><header><h1>{{heading}}</h1>{{#guarded}}<nav><a href="/">Dashboard</a> · <a href="/status">Status page</a> · <a href="/login">Sign-in</a></nav>{{/guarded}}</header>
    <main id="main"{{#refresh}} data-refresh="30"{{/refresh}}>{{/frame}}
    """

    static let foot = """
    {{#frame}}</main>{{#footer}}<footer>{{footer}}</footer>{{/footer}}
    {{#refresh}}<script>{{{script}}}</script>{{/refresh}}</body></html>{{/frame}}
    """

    static let bars = """
    <span class="bars">{{{days}}}{{#hours}}{{{hours}}}{{/hours}}</span>
    """

    static let dashboard = """
    {{> head}}
    <form class="filters" method="get" action="/">
    <label>Name <input type="search" name="q" value="{{query.search}}" maxlength="200"></label>
    <label>Status <select name="status">{{#statusOptions}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/statusOptions}}</select></label>
    <label>Type <select name="type">{{#typeOptions}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/typeOptions}}</select></label>
    <label>Tag <select name="tag">{{#tagOptions}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/tagOptions}}</select></label>
    <button type="submit">Filter</button> <a href="/">Clear</a>
    </form>
    <p class="summary">{{summary}}</p>
    <table class="checks"><thead><tr><th>Status</th><th>Check</th><th>Type</th><th>Tags</th><th>90 days · 24 hours</th><th>Latency (24 h)</th><th>Last result per worker</th></tr></thead>
    <tbody>{{#rows}}
    <tr class="check {{state}}" data-check="{{id}}"><td><span class="state {{state}}">{{stateLabel}}</span>{{#overlays}}<br><span class="overlay">{{.}}</span>{{/overlays}}<br><small class="round">{{round}}</small></td>
    <td><a href="/checks/{{id}}">{{name}}</a></td><td>{{type}}</td><td>{{#tags}}<a class="tag" href="/?tag={{.}}">{{.}}</a> {{/tags}}</td>
    <td>{{> bars}}<br><small>{{uptime}}</small></td><td>{{{sparkline}}}<br><small>{{latency}}</small></td>
    <td>{{#workers}}<div class="worker"><span class="state {{status}}">{{node}}</span> {{status}} · {{latency}} · {{ago}}</div>{{/workers}}{{^workers}}<small>no result in 24 h</small>{{/workers}}</td></tr>
    {{/rows}}{{^rows}}<tr><td colspan="7">No check matches.</td></tr>{{/rows}}</tbody></table>
    <nav class="pages">{{#previous}}<a rel="prev" href="{{previous}}">← Previous</a>{{/previous}} <span>Page {{page}} of {{pages}}</span> {{#next}}<a rel="next" href="{{next}}">Next →</a>{{/next}}</nav>
    {{> foot}}
    """

    static let check = """
    {{> head}}
    <p><span class="state {{state}}">{{stateLabel}}</span> {{type}}{{#tags}} · <a class="tag" href="/?tag={{.}}">{{.}}</a>{{/tags}} · every {{interval}}{{#isPublic}} · on the status page{{/isPublic}}</p>
    {{#overlays}}<p class="overlay">{{.}}</p>{{/overlays}}
    <h2>Uptime</h2>
    <table class="uptime"><tr>{{#uptime}}<th>{{window}}</th>{{/uptime}}</tr><tr>{{#uptime}}<td>{{value}}</td>{{/uptime}}</tr></table>
    {{#bars}}{{> bars}}{{/bars}}
    <h2>Latency (7 days, hourly mean)</h2>
    <figure class="chart">{{{chart}}}<figcaption>{{latencySummary}}</figcaption></figure>
    <h2>Last result per worker</h2>
    <table><tr><th>Worker</th><th>Status</th><th>Latency</th><th>When</th><th>Message</th></tr>
    {{#workers}}<tr><td>{{node}}</td><td><span class="state {{status}}">{{status}}</span></td><td>{{latency}}</td><td>{{time}}</td><td>{{message}}</td></tr>{{/workers}}
    {{^workers}}<tr><td colspan="5">No result in the last 24 hours.</td></tr>{{/workers}}</table>
    <h2>Incidents (90 days)</h2>
    {{#incidents}}<section class="incident"><h3>{{start}} – {{end}} <small>({{duration}})</small></h3><p class="message">{{message}}</p>
    {{#hasNotifications}}<table><tr><th>Contact</th><th>Kind</th><th>Event id</th><th>Attempts</th><th>Outcome</th><th>Receipt</th></tr>
    {{#notifications}}<tr><td>{{contact}}</td><td>{{kind}}</td><td><code>{{eventID}}</code></td><td>{{attempts}}</td><td>{{outcome}}</td><td>{{receipt}}</td></tr>{{/notifications}}</table>{{/hasNotifications}}
    {{^hasNotifications}}<p><small>No notifications.</small></p>{{/hasNotifications}}</section>{{/incidents}}
    {{^incidents}}<p>No incident in 90 days.</p>{{/incidents}}
    <h2>Definition</h2><pre class="data">{{data}}</pre>
    {{> foot}}
    """

    static let status = """
    {{> head}}
    <p class="banner {{bannerState}}">{{banner}}</p>
    {{#hasMaintenance}}<h2>Maintenance</h2><ul>{{#maintenance}}<li>{{.}}</li>{{/maintenance}}</ul>{{/hasMaintenance}}
    {{#groups}}<section class="group"><h2>{{name}}</h2><ul class="status">{{#checks}}
    <li class="check {{state}}"><span class="name">{{name}}</span> <span class="state {{state}}">{{stateLabel}}</span> {{> bars}} <small>{{uptime}}</small></li>{{/checks}}
    </ul></section>{{/groups}}
    {{^groups}}<p>Nothing to show yet.</p>{{/groups}}
    <h2>Incidents</h2>
    {{#incidents}}<section class="incident"><h3>{{name}}: {{start}} – {{end}} <small>({{duration}})</small></h3>{{#message}}<p class="message">{{message}}</p>{{/message}}</section>{{/incidents}}
    {{^incidents}}<p>No incident in the last 14 days.</p>{{/incidents}}
    <p><a href="/status/feed.atom">Incidents as an Atom feed</a></p>
    {{> foot}}
    """

    static let message = """
    {{> head}}<p>{{text}}</p>{{> foot}}
    """

    /// The acknowledge link's page: what it would acknowledge, and a form that does it with a
    /// POST (a GET, which mail scanners make, changes nothing).
    static let ack = """
    {{> head}}<p>{{text}}</p>
    <form method="post" action="/ack/{{eventID}}"><input type="hidden" name="sig" value="{{signature}}">
    <label>Comment (optional) <input type="text" name="comment" maxlength="1024"></label>
    <button type="submit">Acknowledge</button></form>
    <p><small>Acknowledging stops escalations and reminders for this outage; it clears by itself when the check recovers.</small></p>{{> foot}}
    """

    static let feed = """
    <?xml version="1.0" encoding="utf-8"?>
    <feed xmlns="http://www.w3.org/2005/Atom">
    <title>{{title}}</title>
    <id>{{id}}</id>
    <updated>{{updated}}</updated>
    <author><name>bearmon</name></author>
    <link rel="alternate" type="text/html" href="{{base}}/status"/>
    <link rel="self" type="application/atom+xml" href="{{base}}/status/feed.atom"/>
    {{#entries}}<entry>
    <title>{{title}}</title>
    <id>{{id}}</id>
    <published>{{published}}</published>
    <updated>{{updated}}</updated>
    <link rel="alternate" type="text/html" href="{{base}}/status"/>
    <summary>{{summary}}</summary>
    </entry>
    {{/entries}}</feed>

    """
}
