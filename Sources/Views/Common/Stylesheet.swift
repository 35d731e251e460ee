/// The whole stylesheet: small, no framework, readable on a phone, printable on a wall sheet.
public enum Stylesheet {
    public static let css = """
    :root{--red:#d93025;--yellow:#e8a200;--green:#1e8e3e;--grey:#80868b;--blue:#1a5fb4;--bg:#f5f6f8;--line:#dde1e6}
    *{box-sizing:border-box}
    body{margin:0;font-family:"Noto Sans CJK SC","Microsoft YaHei","PingFang SC",sans-serif;background:var(--bg);color:#202124;font-size:15px;line-height:1.5}
    a{color:var(--blue);text-decoration:none}a:hover{text-decoration:underline}
    header.top{display:flex;flex-wrap:wrap;align-items:center;gap:8px 16px;background:#b3261e;color:#fff;padding:8px 16px}
    header.top a{color:#fff}.brand{font-weight:700;font-size:18px}
    .menu{display:flex;flex-wrap:wrap;gap:4px 12px;flex:1}.menu a{padding:2px 6px;border-radius:4px}.menu a.on{background:rgba(255,255,255,.25)}
    .who{display:flex;gap:8px;align-items:center;font-size:13px}.who .roles{opacity:.8}
    main{max-width:1280px;margin:0 auto;padding:16px}
    footer{color:var(--grey);text-align:center;font-size:12px;padding:16px}
    h1{font-size:22px;margin:8px 0 16px}h2{font-size:18px;margin:20px 0 8px}h3{font-size:16px;margin:12px 0 6px}
    .notice{background:#e6f4ea;border:1px solid #b7e1c1;padding:8px 12px;border-radius:4px}
    .warning{background:#fef7e0;border:1px solid #f6d67a;padding:8px 12px;border-radius:4px}
    .errorbox{background:#fce8e6;border:1px solid #f3b4ae;padding:8px 12px;border-radius:4px}
    table{border-collapse:collapse;width:100%;background:#fff}th,td{border:1px solid var(--line);padding:6px 8px;text-align:left;vertical-align:top}
    th{background:#eef1f5;font-weight:600;white-space:nowrap}td.num{text-align:right;white-space:nowrap}
    .scroll{overflow-x:auto}
    .kpis{display:grid;grid-template-columns:repeat(auto-fill,minmax(130px,1fr));gap:10px;margin:12px 0}
    .kpi{display:flex;flex-direction:column;background:#fff;border:1px solid var(--line);border-radius:6px;padding:10px 12px;color:#202124}
    .kpi:hover{text-decoration:none;border-color:var(--blue)}.kpi-value{font-size:26px;font-weight:700;line-height:1.2}.kpi-label{font-size:13px;color:#5f6368}
    .kpi.alarm .kpi-value{color:var(--red)}
    .cockpit-charts{display:grid;grid-template-columns:minmax(280px,2fr) minmax(300px,3fr);gap:12px}
    @media (max-width:760px){.cockpit-charts{grid-template-columns:1fr}}
    body.wall{background:#0b1220;color:#e8eaed;width:1920px;height:1080px;overflow:hidden;margin:0;font-size:20px}
    body.wall a{color:#e8eaed}
    .wall-top{display:flex;justify-content:space-between;align-items:baseline;padding:18px 32px 6px;border-bottom:2px solid #b3261e}
    .wall-top h1{font-size:40px;margin:0;letter-spacing:2px}.wall-time{font-size:22px;color:#9aa0a6}
    .wall-kpis{display:grid;grid-template-columns:repeat(7,1fr);gap:16px;padding:16px 32px}
    .wall-tile{display:flex;flex-direction:column;align-items:center;background:#16213a;border:1px solid #2a3a5e;border-radius:8px;padding:10px 0}
    .wall-tile:hover{text-decoration:none;border-color:#8ab4f8}
    .wall-value{font-size:52px;font-weight:700;line-height:1.15}.wall-label{font-size:20px;color:#9aa0a6}
    .wall-tile.alarm .wall-value{color:#ff6b5e}.wall-tile.warn .wall-value{color:#fdd663}
    .wall-grid{display:grid;grid-template-columns:1fr 1.6fr;grid-template-rows:410px 410px;gap:16px;padding:0 32px}
    .wall-panel{background:#16213a;border:1px solid #2a3a5e;border-radius:8px;padding:8px 16px;overflow:hidden}
    .wall-panel h2{font-size:24px;margin:4px 0 8px;color:#8ab4f8}
    .wall-panel svg.chart{background:transparent;border:0;width:100%;height:calc(100% - 48px);max-width:none}
    .wall-alarms{list-style:none;margin:0;padding:0;font-size:18px}.wall-alarms li{display:flex;gap:12px;align-items:baseline;padding:4px 0;border-bottom:1px solid #2a3a5e;white-space:nowrap;overflow:hidden}
    .wall-alarms a{flex:0 1 40%;overflow:hidden;text-overflow:ellipsis}.wall-unit{color:#9aa0a6;flex:0 0 auto}.wall-reason{color:#fdd663;overflow:hidden;text-overflow:ellipsis}
    .cards{display:grid;grid-template-columns:repeat(auto-fill,minmax(280px,1fr));gap:12px}
    .card{background:#fff;border:1px solid var(--line);border-radius:6px;padding:12px}
    .card h3{margin-top:0}.counts{display:flex;flex-wrap:wrap;gap:6px;margin:6px 0}
    .light{display:inline-block;border-radius:10px;padding:0 8px;font-size:12px;color:#fff;white-space:nowrap;background:var(--grey)}
    .light.green,.light.done{background:var(--green)}.light.yellow{background:var(--yellow)}
    .light.red,.light.overdue{background:var(--red)}.light.done_late{background:#a35200}.light.not_started,.light.suspended{background:var(--grey)}
    .bar{display:inline-block;position:relative;width:120px;height:16px;background:#e8eaed;border-radius:8px;overflow:hidden;vertical-align:middle}
    .bar .fill{position:absolute;left:0;top:0;bottom:0;background:var(--green)}.bar .pct{position:relative;font-size:11px;padding-left:6px}
    form.filters{display:flex;flex-wrap:wrap;gap:8px;align-items:end;background:#fff;padding:10px;border:1px solid var(--line);border-radius:6px;margin-bottom:12px}
    form.filters label{display:flex;flex-direction:column;font-size:12px;color:#5f6368}
    .field{margin-bottom:12px}.field label{display:block;font-weight:600;margin-bottom:4px}
    .field.invalid input,.field.invalid select,.field.invalid textarea{border-color:var(--red)}
    .error{color:var(--red);margin:4px 0 0;font-size:13px}
    input,select,textarea{font:inherit;padding:6px 8px;border:1px solid #c4c7cc;border-radius:4px;max-width:100%;background:#fff}
    input[type=text],input[type=tel],input[type=password],input[type=date],input[type=number],select,textarea{width:100%}
    form.filters input,form.filters select{width:auto}
    table.compact input,table.compact select,div.filters input,div.filters select{width:auto}table.compact td{padding:3px 4px}
    div.filters{display:flex;flex-wrap:wrap;gap:12px;align-items:flex-end;margin:8px 0}
    form.edit{background:#fff;padding:16px;border:1px solid var(--line);border-radius:6px;max-width:760px}
    button{font:inherit;padding:6px 14px;border-radius:4px;border:1px solid #c4c7cc;background:#fff;cursor:pointer}
    button.primary{background:#b3261e;border-color:#b3261e;color:#fff}button.danger{color:var(--red);border-color:var(--red)}
    button.link{background:none;border:none;color:#fff;padding:0;text-decoration:underline}
    form.inline{display:inline}
    .actions{display:flex;flex-wrap:wrap;gap:8px;margin:8px 0 16px}.actions a{padding:6px 12px;border:1px solid var(--blue);border-radius:4px;background:#fff}
    .tree .plan{background:#fff;border:1px solid var(--line);border-radius:6px;margin-bottom:12px}
    .tree .plan>summary{padding:10px 12px;font-weight:600;cursor:pointer;display:flex;flex-wrap:wrap;gap:8px;align-items:center}
    .tree .wp{margin:0 12px 12px}.tree .wp h3{font-size:15px;border-left:4px solid #b3261e;padding-left:8px}
    .meta{color:#5f6368;font-size:13px}
    dl.facts{display:grid;grid-template-columns:max-content 1fr;gap:6px 16px;background:#fff;padding:12px;border:1px solid var(--line);border-radius:6px}
    dl.facts dt{color:#5f6368}dl.facts dd{margin:0}
    table.facts{background:#fff}table.facts th{text-align:left;color:#5f6368;font-weight:normal;white-space:nowrap}.prewrap{white-space:pre-wrap}
    .pager{display:flex;gap:12px;align-items:center;margin:8px 0}
    .login{max-width:380px;margin:60px auto}
    .matrix td.lead{background:#fbe9e7;font-weight:600}.matrix td.co{background:#e8f0fe}
    svg.battle{width:100%;min-width:900px;height:auto;background:#fff;border:1px solid var(--line);border-radius:6px;font-family:inherit}
    svg.battle .month{font-size:12px;fill:#5f6368}svg.battle .lbl{font-size:12px;fill:#202124}svg.battle .lbl.plan{font-weight:700;font-size:13px}
    svg.battle .lbl.wp{font-weight:600;fill:#3c4043}svg.battle .today{font-size:11px;fill:#d93025}svg.battle a:hover text{fill:#1a5fb4;text-decoration:underline}
    .swatch{display:inline-block;width:14px;height:10px;border-radius:2px;vertical-align:middle}.actions a.on{background:#1a5fb4;color:#fff}
    .months{display:grid;grid-template-columns:repeat(auto-fill,minmax(250px,1fr));gap:12px}
    .month{background:#fff;border:1px solid var(--line);border-radius:6px;padding:8px}.month h3{margin:0 0 6px}
    table.cal{table-layout:fixed}table.cal th,table.cal td{padding:2px;text-align:center;height:38px;font-size:12px}
    .cal-day .num{display:block;font-weight:600}.cal-day .name{display:block;font-size:10px;line-height:1.1}
    .cal-day.weekend{background:#f1f3f4;color:#80868b}.cal-day.holiday{background:#fce8e6;color:#b3261e}
    .cal-day.makeup{background:#e6f4ea;color:#137333}.cal-day.override{outline:2px solid #1a5fb4;outline-offset:-2px}
    .legend{margin:8px 0}.legend .cal-day{display:inline-block;width:22px;text-align:center;border-radius:3px;margin-left:8px}
    @media (max-width:700px){main{padding:8px}h1{font-size:19px}.bar{width:80px}table.responsive thead{display:none}
      table.responsive tr{display:block;border:1px solid var(--line);margin-bottom:8px;background:#fff}
      table.responsive td{display:flex;justify-content:space-between;gap:8px;border:none;border-bottom:1px solid #f0f0f0}
      table.responsive td::before{content:attr(data-label);color:#5f6368;font-size:12px;flex:0 0 5em;white-space:nowrap}
      table.responsive td{text-align:left;justify-content:flex-start}table.responsive{background:none}
      .menu{flex:1 1 100%;flex-wrap:nowrap;overflow-x:auto;white-space:nowrap;order:3}}
    @media print{header.top,footer,.actions,form.filters,form.inline,.pager{display:none}body{background:#fff;font-size:11px}
      main{max-width:none;padding:0}.tree .plan{break-inside:avoid-page}details.plan{display:block}details.plan>*{display:block}}
    .document{background:#fff;border:1px solid var(--line);padding:16px 24px;max-width:800px}
    svg.chart{max-width:760px;display:block;background:#fff;border:1px solid var(--line);margin:8px 0}
    .document h1{text-align:center;font-size:24px;letter-spacing:8px}.document .docno{text-align:center;color:#5f6368}
    table.fields th{width:120px;text-align:left;background:#f8f9fa}
    ul.instructions{list-style:none;padding:0}ul.instructions li{border-left:3px solid #b3261e;padding:4px 10px;margin-bottom:8px;background:#fff}
    article.a4{background:#fff;width:210mm;max-width:100%;box-sizing:border-box;padding:25mm 20mm;margin:12px auto;position:relative;
      font-family:"FangSong","仿宋","STFangsong","Noto Serif CJK SC",serif;font-size:16px;line-height:1.8;box-shadow:0 1px 4px rgba(0,0,0,.2)}
    article.a4 .masthead{color:#c00;text-align:center;font-size:34px;font-weight:bold;letter-spacing:4px;font-family:"SimSun","宋体","Noto Serif CJK SC",serif}
    article.a4 .issue-no{text-align:center;margin:6px 0}
    article.a4 .issue-line{display:flex;justify-content:space-between;border-bottom:3px solid #c00;padding-bottom:4px;margin-bottom:20px}
    article.a4 .doc-title{text-align:center;font-size:22px;font-family:"SimHei","黑体","Noto Sans CJK SC",sans-serif;margin:16px 0}
    article.a4 h2.sec{font-size:17px;font-family:"SimHei","黑体","Noto Sans CJK SC",sans-serif;margin:16px 0 6px}
    article.a4 p{text-indent:2em;margin:4px 0}article.a4 table.doc{width:100%;border-collapse:collapse;font-size:13px;line-height:1.4}
    article.a4 table.doc th,article.a4 table.doc td{border:1px solid #333;padding:3px 4px;text-align:center;vertical-align:middle}
    article.a4 table.doc th{background:none;white-space:nowrap}article.a4 table.doc td.name{text-align:left}article.a4 table.doc td.date{white-space:nowrap}
    .document{margin:0 auto}
    article.a4 .signature{text-align:right;margin-top:32px}article.a4 .signature p{text-indent:0}
    article.a4 .stamp{position:absolute;top:20mm;right:16mm;border:3px solid #c00;color:#c00;padding:4px 10px;transform:rotate(12deg);font-size:20px;font-weight:bold}
    @media print{@page{size:A4 portrait;margin:37mm 26mm 35mm 28mm}article.a4{box-shadow:none;margin:0;width:auto;padding:0}.warning,.noprint,.errorbox{display:none}
      article.a4 table.doc tr{break-inside:avoid}}
    """
}

/// The one script of the site, served from /assets/app.js so the CSP needs no inline script: a button or link with
/// `data-confirm` asks before it acts, one with `data-print` prints the page.
public enum SiteScript {
    public static let js = """
    document.addEventListener('click', function (e) {
      var c = e.target.closest('[data-confirm]');
      if (c && !window.confirm(c.getAttribute('data-confirm'))) { e.preventDefault(); return; }
      if (e.target.closest('[data-print]')) { window.print(); }
    });
    """
}
