/// The pages' stylesheet and script, inlined into each page (no asset files beside the binary,
/// no second request). The script only refreshes `<main>`; without it the pages refresh
/// through `<noscript><meta http-equiv="refresh">` and every filter is a plain form.
enum WebAssets {
    /// The stylesheet: status colours, tables, bars.
    static let css = """
    body{font:14px/1.4 system-ui,sans-serif;margin:0 1.5em;color:#222;background:#fff}
    header h1{font-size:1.4em;margin:.6em 0 .2em}nav a{margin-right:.3em}
    table{border-collapse:collapse;margin:.5em 0}th,td{padding:.25em .5em;border-bottom:1px solid #ddd;text-align:left;vertical-align:top}
    .state{display:inline-block;padding:0 .4em;border-radius:3px;background:#999;color:#fff}
    .state.online,.state.operational{background:#2e7d32}.state.offline,.state.down,.state.fail{background:#c62828}
    .state.unknown{background:#757575}.state.disabled{background:#9e9e9e}.state.maintenance{background:#1565c0}
    .overlay{color:#1565c0;font-size:.9em}.tag{background:#eee;border-radius:3px;padding:0 .3em;color:#333;text-decoration:none}
    .bars svg{vertical-align:middle;margin-right:.4em}.up{fill:#43a047}.part{fill:#f9a825}.down{fill:#e53935}.none{fill:#ddd}
    .spark{fill:none;stroke:#1565c0;stroke-width:1.5}.chart svg{border:1px solid #eee}
    .filters label{margin-right:.8em}.pages{margin:1em 0}.banner{font-size:1.2em;padding:.5em;border-radius:4px;background:#e8f5e9}
    .banner.down{background:#ffebee}ul.status{list-style:none;padding:0}ul.status li{padding:.3em 0;border-bottom:1px solid #eee}
    .message{white-space:pre-wrap;word-break:break-word}pre.data{background:#f6f6f6;padding:.5em;overflow:auto}
    footer{margin:2em 0 1em;color:#666}
    """

    /// Every 30 s, while the tab is visible, fetches the page again and swaps its `<main>`.
    static let script = """
    (function(){var m=document.getElementById('main');if(!m||!window.fetch||!window.DOMParser)return;
    setInterval(function(){if(document.hidden)return;
    fetch(location.href,{credentials:'same-origin'}).then(function(r){return r.ok?r.text():null}).then(function(t){
    if(!t)return;var n=new DOMParser().parseFromString(t,'text/html').getElementById('main');if(n)m.innerHTML=n.innerHTML;}).catch(function(){});
    },1000*Number(m.getAttribute('data-refresh')||30));})();
    """
}
