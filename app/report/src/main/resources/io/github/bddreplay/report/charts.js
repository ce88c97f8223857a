// Draws the page from the run's data (#report-data). When every chart has rendered it sets
// body[data-rendered="true"] and, on each chart's element, what the chart holds as ECharts has it
// (data-series: [{name, type, points}]), so that a test can compare the charts with the outputs.
(function () {
  'use strict';

  var data = JSON.parse(document.getElementById('report-data').textContent);
  // Publications come as arrays to keep large runs' pages small (PublicationPoint's order).
  var PUBLICATION_FIELDS = ['topic', 'slice', 'loop', 'rows', 'lateBySeconds', 'dueMillis',
    'publishedMillis', 'lagMillis', 'firstEventMillis', 'lastEventMillis', 'watermarkMillis'];
  data.publications = data.publications.map(function (values) {
    var publication = {};
    PUBLICATION_FIELDS.forEach(function (field, i) { publication[field] = values[i]; });
    return publication;
  });

  var TIMING_COLOURS = { EARLY: '#d99a1e', ON_TIME: '#2e7d32', LATE: '#c62828', UNKNOWN: '#7b8794' };
  var TIMING_NAMES = { EARLY: 'early', ON_TIME: 'on time', LATE: 'late', UNKNOWN: 'unknown' };
  var TIMING_SYMBOLS = { EARLY: 'emptyCircle', ON_TIME: 'circle', LATE: 'diamond', UNKNOWN: 'rect' };
  var TIMING_SIZES = { EARLY: 6, ON_TIME: 7, LATE: 12, UNKNOWN: 6 };
  var TIMINGS = ['EARLY', 'ON_TIME', 'LATE', 'UNKNOWN'];
  var SLIDER = {
    type: 'slider', xAxisIndex: 0, filterMode: 'none', height: 18, bottom: 8, showDataShadow: false
  };
  var TEXT = { fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif' };

  // ---- small helpers ------------------------------------------------------------------------

  function clock(ms) {
    return new Date(ms).toISOString().slice(11, 23);
  }

  function dateTime(ms) {
    return new Date(ms).toISOString().replace('T', ' ').slice(0, 23) + ' UTC';
  }

  function number(n) {
    return n === null || n === undefined ? '–' : Number(n).toLocaleString('en-US');
  }

  function speed(v) {
    return v === null || v === undefined ? 'no valid speed' : v.toFixed(2) + ' m/s';
  }

  var carIndex = {};
  var carLabel = {};
  data.cars.forEach(function (car, i) {
    carIndex[car.uuid] = i;
    carLabel[car.uuid] = car.label;
  });

  // Hues a golden angle apart stay distinct for many cars; the same car has the same colour in
  // every chart.
  function carColour(uuid) {
    var i = carIndex[uuid];
    return 'hsl(' + Math.round((i * 137.508) % 360) + ', 62%, ' + (i % 2 === 0 ? 42 : 55) + '%)';
  }

  function cell(row, text, className) {
    var td = document.createElement('td');
    td.textContent = text;
    if (className) {
      td.className = className;
    }
    row.appendChild(td);
    return td;
  }

  function keyValueRows(tbody, pairs) {
    pairs.forEach(function (pair) {
      var tr = document.createElement('tr');
      var th = document.createElement('th');
      th.textContent = pair[0];
      tr.appendChild(th);
      cell(tr, pair[1]);
      tbody.appendChild(tr);
    });
  }

  function carLegend() {
    return {
      type: 'scroll', orient: 'vertical', right: 8, top: 36, bottom: 20, width: 150,
      selector: [{ type: 'all', title: 'All' }, { type: 'inverse', title: 'Inv' }],
      textStyle: TEXT, pageIconSize: 11
    };
  }

  function base(extra) {
    var option = {
      animation: false,
      useUTC: true,
      textStyle: TEXT,
      tooltip: { trigger: 'item', confine: true }
    };
    Object.keys(extra).forEach(function (k) { option[k] = extra[k]; });
    return option;
  }

  function note(id, lines) {
    var element = document.getElementById(id);
    var shown = lines.filter(Boolean);
    element.hidden = shown.length === 0;
    element.textContent = shown.join(' ');
  }

  // ---- header, figures and verdict ----------------------------------------------------------

  function header() {
    document.getElementById('run-line').textContent =
      'Results folder ' + data.results + ' · page written ' + dateTime(Date.parse(data.generated));
    var verdict = document.getElementById('verdict');
    if (data.verify) {
      verdict.textContent = 'verify: ' + data.verify.verdict;
      verdict.classList.add(data.verify.verdict === 'PASS' ? 'pass' : 'fail');
    } else {
      verdict.textContent = 'not verified';
    }
    var first = data.panesPerWindow[0];
    if (first) {
      document.querySelectorAll('.window-size').forEach(function (span) {
        span.textContent = (first.windowEndMillis - first.windowStartMillis) / 1000 + ' s';
      });
    }
    document.getElementById('footer').textContent =
      'Drawn with Apache ECharts, inlined: this page needs no network. All times are UTC.';
  }

  function figures() {
    var f = data.facts;
    var rows = [
      ['publications', number(f.publications) + (f.latePublications ? ' (' + number(f.latePublications) + ' held back)' : '')]
    ];
    Object.keys(f.rowsPublished).forEach(function (topic) {
      rows.push([topic + ' rows published', number(f.rowsPublished[topic])]);
    });
    rows.push(['cars in the input', number(f.carsPublished)]);
    rows.push(['cars in the windowed output', number(f.carsWindowed)]);
    rows.push(['replay lag, median / max', f.medianLagMillis === null ? '–'
      : number(f.medianLagMillis) + ' ms / ' + number(f.maxLagMillis) + ' ms']);
    rows.push(['dead letters (unreadable input files)', number(f.deadLetters)]);
    rows.push(['files with rows without uuid (in simple only)', number(f.filesWithRowsWithoutUuid)]);
    rows.push(['watermark delay drawn', number(data.watermarkDelayMillis) + ' ms']);
    keyValueRows(document.querySelector('#facts-replay tbody'), rows);

    var settings = [];
    var state = data.replay.state;
    if (state) {
      Object.keys(state).forEach(function (k) { settings.push([k, String(state[k])]); });
    } else {
      settings.push(['replay-state.json', 'not found']);
    }
    var completion = data.replay.completion;
    settings.push(['finished', completion && completion.finished ? String(completion.finished)
      : 'no _REPLAY_COMPLETE: the replay did not finish']);
    keyValueRows(document.querySelector('#replay-settings tbody'), settings);

    var outputs = document.querySelector('#facts-outputs tbody');
    f.outputs.forEach(function (o) {
      var tr = document.createElement('tr');
      cell(tr, o.folder);
      if (!o.written) {
        cell(tr, 'not written (pipeline not run)').colSpan = 6;
        outputs.appendChild(tr);
        return;
      }
      cell(tr, number(o.files), 'number');
      cell(tr, number(o.rows), 'number');
      cell(tr, o.windows === null ? '' : number(o.windows), 'number');
      ['EARLY', 'ON_TIME', 'LATE'].forEach(function (t) {
        cell(tr, o.panesByTiming === null ? '' : number(o.panesByTiming[t] || 0), 'number');
      });
      outputs.appendChild(tr);
    });
  }

  function verification() {
    var explain = document.getElementById('verify-explain');
    var v = data.verify;
    if (!v) {
      explain.innerHTML = '';
      explain.append('This run was not verified: there is no verify.json in its results folder. '
        + 'Run the ');
      var code = document.createElement('code');
      code.textContent = 'verify';
      explain.append(code, ' command on ', data.results,
        ' (it computes the batch answer on its own and compares it with the outputs), then write'
        + ' this page again.');
      return;
    }
    explain.textContent = 'verify computed the batch answer on its own'
      + (v.computedFrom ? ' from ' + v.computedFrom : '')
      + (v.seconds !== null && v.seconds !== undefined ? ' in ' + v.seconds.toFixed(1) + ' s' : '')
      + ' and compared it with what the pipelines wrote: ' + v.verdict + '.';
    var table = document.getElementById('verify-checks');
    table.hidden = false;
    table.dataset.checks = String(v.checks.length);
    var body = table.querySelector('tbody');
    v.checks.forEach(function (c) {
      var tr = document.createElement('tr');
      cell(tr, c.check);
      cell(tr, c.expected === null ? '' : c.expected);
      cell(tr, c.found === null ? '' : c.found);
      cell(tr, c.verdict, c.verdict === 'PASS' ? 'pass' : 'fail');
      var td = cell(tr, '');
      var differences = c.differences || [];
      if (differences.length) {
        var list = document.createElement('ul');
        differences.slice(0, 5).forEach(function (d) {
          var li = document.createElement('li');
          li.textContent = d;
          list.appendChild(li);
        });
        if (differences.length > 5) {
          var more = document.createElement('li');
          more.textContent = '… and ' + (differences.length - 5) + ' more';
          list.appendChild(more);
        }
        td.appendChild(list);
      }
      body.appendChild(tr);
    });
  }

  // ---- (b) event time against processing time -------------------------------------------------

  function publicationBars(late) {
    return {
      name: late ? 'late publication' : 'publication',
      type: 'custom',
      color: late ? '#c62828' : '#486581',
      encode: { x: 0, y: [1, 2] },
      z: late ? 4 : 3,
      data: data.publications
        .filter(function (p) { return p.firstEventMillis !== null && (p.lateBySeconds > 0) === late; })
        .map(function (p) {
          return { value: [p.publishedMillis, p.firstEventMillis, p.lastEventMillis], publication: p };
        }),
      renderItem: function (params, api) {
        var top = api.coord([api.value(0), api.value(2)]);
        var bottom = api.coord([api.value(0), api.value(1)]);
        return {
          type: 'line',
          shape: { x1: top[0], y1: top[1] - 2, x2: bottom[0], y2: bottom[1] + 2 },
          style: { stroke: api.visual('color'), lineWidth: late ? 5 : 4, lineCap: 'round' }
        };
      },
      tooltip: {
        formatter: function (item) {
          var p = item.data.publication;
          return p.topic + ' ' + p.slice + (p.loop ? ' (loop ' + p.loop + ')' : '') + '<br>'
            + 'appeared ' + clock(p.publishedMillis) + (p.lateBySeconds > 0
              ? ', held back ' + p.lateBySeconds.toFixed(1) + ' s' : '') + '<br>'
            + 'event times ' + clock(p.firstEventMillis) + ' – ' + clock(p.lastEventMillis) + '<br>'
            + number(p.rows) + ' rows';
        }
      }
    };
  }

  function eventTimeChart() {
    var state = data.replay.state;
    var merged = data.sampling.paneMarksMergedWithinMillis;
    note('note-time', [
      state && state.speedup === 'max'
        ? 'This replay ran at top speed: every file appeared within seconds, so the bars stand in'
          + ' one steep column, and the pipelines read the finished input afterwards.' : '',
      merged > 0
        ? 'To keep the page small, output files of one window and timing written within '
          + number(merged) + ' ms of each other share a mark.' : ''
    ]);
    var series = [publicationBars(false), publicationBars(true), {
      name: 'watermark',
      type: 'line',
      step: 'end',
      showSymbol: false,
      color: '#102a43',
      lineStyle: { type: 'dashed', width: 2 },
      data: data.publications
        .filter(function (p) { return p.watermarkMillis !== null; })
        .map(function (p) { return [p.publishedMillis, p.watermarkMillis]; }),
      tooltip: {
        formatter: function (item) {
          return 'watermark ' + clock(item.value[1]) + '<br>from ' + clock(item.value[0]);
        }
      }
    }];
    TIMINGS.forEach(function (timing) {
      var marks = data.paneFiles.filter(function (m) { return m[2] === timing; });
      if (!marks.length && timing === 'UNKNOWN') {
        return;
      }
      series.push({
        name: TIMING_NAMES[timing] + ' panes',
        type: 'scatter',
        color: TIMING_COLOURS[timing],
        symbol: timing === 'LATE' ? 'diamond' : 'circle',
        symbolSize: function (value) { return Math.min(18, 5 + 2 * Math.sqrt(value[3])); },
        itemStyle: { opacity: 0.8 },
        z: 5,
        data: marks,
        tooltip: {
          formatter: function (item) {
            var m = item.value;
            return number(m[3]) + ' ' + TIMING_NAMES[m[2]] + ' pane(s) of the window ending '
              + clock(m[1]) + '<br>' + (m[4] > 1 ? number(m[4]) + ' files, the first ' : '')
              + 'written ' + clock(m[0]);
          }
        }
      });
    });
    return base({
      legend: { top: 0, textStyle: TEXT },
      grid: { left: 100, right: 40, top: 44, bottom: 80 },
      xAxis: {
        type: 'time', name: 'processing time: when it happened (UTC)', nameLocation: 'middle',
        nameGap: 30, scale: true
      },
      yAxis: {
        type: 'time', name: 'event time (UTC)', nameLocation: 'middle', nameGap: 78, scale: true
      },
      dataZoom: [
        { type: 'inside', xAxisIndex: 0, filterMode: 'none' },
        { type: 'inside', yAxisIndex: 0, filterMode: 'none' },
        SLIDER
      ],
      series: series
    });
  }

  // ---- (a) mean speed per car -----------------------------------------------------------------

  function speedChart() {
    var series = [];
    data.speeds.forEach(function (car) {
      var name = carLabel[car.uuid];
      var colour = carColour(car.uuid);
      series.push({
        name: name,
        type: 'line',
        color: colour,
        showSymbol: false,
        connectNulls: false,
        emphasis: { focus: 'series' },
        data: car.finals.map(function (w) { return [w[0], w[2], w[1], w[3]]; }),
        tooltip: {
          formatter: function (item) {
            var w = item.value;
            return 'car ' + name + '<br>window ' + clock(w[0]) + ' – ' + clock(w[2])
              + '<br>final: ' + speed(w[1]) + ' (' + TIMING_NAMES[w[3]] + ' pane)';
          }
        }
      });
      series.push({
        name: name,
        type: 'scatter',
        color: colour,
        emphasis: { focus: 'series' },
        symbol: function (value) { return TIMING_SYMBOLS[value[2]]; },
        symbolSize: function (value) { return TIMING_SIZES[value[2]]; },
        data: car.panes.filter(function (p) { return p[1] !== null; }),
        tooltip: {
          formatter: function (item) {
            var p = item.value;
            return 'car ' + name + ', window from ' + clock(p[0]) + '<br>pane ' + p[3] + ' ('
              + TIMING_NAMES[p[2]] + '): ' + speed(p[1]);
          }
        }
      });
    });
    var s = data.sampling;
    note('note-speed', [s.carsInSpeedChart < s.carsWithWindows
      ? 'Showing the first ' + number(s.carsInSpeedChart) + ' of ' + number(s.carsWithWindows)
        + ' cars (by uuid), to keep the page small.' : '']);
    return base({
      legend: carLegend(),
      grid: { left: 70, right: 190, top: 30, bottom: 80 },
      xAxis: {
        type: 'time', name: 'window start (event time, UTC)', nameLocation: 'middle', nameGap: 30
      },
      yAxis: { type: 'value', name: 'mean speed (m/s)', nameLocation: 'middle', nameGap: 46 },
      dataZoom: [
        { type: 'inside', xAxisIndex: 0, filterMode: 'none' },
        SLIDER
      ],
      series: series
    });
  }

  // ---- (c) panes per window --------------------------------------------------------------------

  function panesChart() {
    var windows = data.panesPerWindow;
    var present = TIMINGS.filter(function (t) {
      return t !== 'UNKNOWN' || windows.some(function (w) { return w.panes.UNKNOWN; });
    });
    return base({
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, confine: true },
      legend: { top: 0, textStyle: TEXT },
      grid: { left: 70, right: 30, top: 40, bottom: 70 },
      xAxis: {
        type: 'category', name: 'event-time window (start, UTC)', nameLocation: 'middle', nameGap: 50,
        data: windows.map(function (w) { return clock(w.windowStartMillis).slice(0, 8); }),
        axisLabel: { rotate: windows.length > 12 ? 45 : 0 }
      },
      yAxis: { type: 'value', name: 'panes (all cars)', nameLocation: 'middle', nameGap: 46, minInterval: 1 },
      series: present.map(function (timing) {
        return {
          name: TIMING_NAMES[timing],
          type: 'bar',
          stack: 'panes',
          color: TIMING_COLOURS[timing],
          data: windows.map(function (w) { return w.panes[timing] || 0; })
        };
      })
    });
  }

  // ---- (d) GPS tracks --------------------------------------------------------------------------

  var TRACK_GRID = { left: 80, right: 190, top: 30, bottom: 50 };
  // The zoom buttons set the axes' ends to arbitrary numbers: label only the rounded ticks.
  var DEGREES = {
    showMinLabel: false,
    showMaxLabel: false,
    formatter: function (v) { return String(Math.round(v * 10000) / 10000); }
  };

  function trackChart() {
    var s = data.sampling;
    note('note-tracks', [
      s.carsInTrackChart < s.carsWithFixes
        ? 'Showing the first ' + number(s.carsInTrackChart) + ' of ' + number(s.carsWithFixes)
          + ' cars (by uuid).' : '',
      s.tracksThinned > 0
        ? number(s.tracksThinned) + ' tracks thinned evenly to at most '
          + number(s.trackPointsPerCarAtMost) + ' fixes each (first and last kept).' : ''
    ]);
    return base({
      legend: carLegend(),
      grid: TRACK_GRID,
      xAxis: {
        type: 'value', name: 'longitude (°)', nameLocation: 'middle', nameGap: 30, scale: true,
        axisLabel: DEGREES
      },
      yAxis: {
        type: 'value', name: 'latitude (°)', nameLocation: 'middle', nameGap: 56, scale: true,
        axisLabel: DEGREES
      },
      dataZoom: [
        { type: 'inside', xAxisIndex: 0, filterMode: 'none' },
        { type: 'inside', yAxisIndex: 0, filterMode: 'none' }
      ],
      series: data.tracks.map(function (track) {
        var name = carLabel[track.uuid];
        return {
          name: name,
          type: 'line',
          color: carColour(track.uuid),
          symbolSize: 4,
          showSymbol: track.points.length <= 60,
          emphasis: { focus: 'series' },
          data: track.points,
          tooltip: {
            formatter: function (item) {
              return 'car ' + name + ' (' + number(track.fixes) + ' fixes)<br>'
                + item.value[1].toFixed(5) + '°, ' + item.value[0].toFixed(5) + '°';
            }
          }
        };
      })
    });
  }

  // Axis ranges that show a region undistorted: a degree of longitude is cos(latitude) of a degree
  // of latitude, and the grid is wider than high.
  function regionView(chart, region) {
    var width = chart.getWidth() - TRACK_GRID.left - TRACK_GRID.right;
    var height = chart.getHeight() - TRACK_GRID.top - TRACK_GRID.bottom;
    var midLat = (region.south + region.north) / 2;
    var stretch = Math.cos(midLat * Math.PI / 180);
    var lonSpan = Math.max(region.east - region.west, 0.005) * 1.15;
    var latSpan = Math.max(region.north - region.south, 0.005) * 1.15;
    if (lonSpan * stretch / latSpan < width / height) {
      lonSpan = latSpan * (width / height) / stretch;
    } else {
      latSpan = lonSpan * stretch / (width / height);
    }
    var midLon = (region.west + region.east) / 2;
    return {
      xAxis: { min: midLon - lonSpan / 2, max: midLon + lonSpan / 2 },
      yAxis: { min: midLat - latSpan / 2, max: midLat + latSpan / 2 }
    };
  }

  function regionButtons(chart) {
    var box = document.getElementById('track-regions');
    var all = data.regions.reduce(function (a, r) {
      return {
        label: 'all cars', cars: a.cars + r.cars, west: Math.min(a.west, r.west),
        east: Math.max(a.east, r.east), south: Math.min(a.south, r.south), north: Math.max(a.north, r.north)
      };
    }, { cars: 0, west: 180, east: -180, south: 90, north: -90 });
    var choices = data.regions.length > 1 ? data.regions.concat([all]) : data.regions;
    choices.forEach(function (region, i) {
      var button = document.createElement('button');
      button.type = 'button';
      button.textContent = region.label + ' (' + region.cars + (region.cars === 1 ? ' car)' : ' cars)');
      button.addEventListener('click', function () {
        box.querySelectorAll('button').forEach(function (b) { b.classList.remove('active'); });
        button.classList.add('active');
        chart.dispatchAction({ type: 'dataZoom', batch: [
          { dataZoomIndex: 0, start: 0, end: 100 }, { dataZoomIndex: 1, start: 0, end: 100 }] });
        chart.setOption(regionView(chart, region));
      });
      box.appendChild(button);
      if (i === 0) {
        button.click();
      }
    });
  }

  // ---- (e) replay lag --------------------------------------------------------------------------

  function lagChart() {
    var loops = data.publications.some(function (p) { return p.loop > 0; });
    function slot(p) { return loops ? 'loop ' + p.loop + ' ' + p.slice : p.slice; }
    var slots = [];
    var seen = {};
    data.publications.slice().sort(function (a, b) { return a.dueMillis - b.dueMillis; })
      .forEach(function (p) {
        if (!seen[slot(p)]) {
          seen[slot(p)] = true;
          slots.push(slot(p));
        }
      });
    var topics = Object.keys(data.facts.rowsPublished).sort();
    var colours = ['#486581', '#d99a1e', '#2e7d32', '#9446ed'];
    return base({
      tooltip: { trigger: 'item', confine: true },
      legend: { top: 0, textStyle: TEXT },
      grid: { left: 70, right: 30, top: 40, bottom: 80 },
      xAxis: {
        type: 'category', name: 'slice (offset into the data set, s)', nameLocation: 'middle', nameGap: 56,
        data: slots, axisLabel: { rotate: 45 }
      },
      yAxis: { type: 'value', name: 'lag (ms)', nameLocation: 'middle', nameGap: 46 },
      series: topics.map(function (topic, i) {
        return {
          name: topic,
          type: 'scatter',
          color: colours[i % colours.length],
          symbolSize: 7,
          data: data.publications
            .filter(function (p) { return p.topic === topic; })
            .map(function (p) { return { value: [slot(p), p.lagMillis], publication: p }; }),
          tooltip: {
            formatter: function (item) {
              var p = item.data.publication;
              return p.topic + ' ' + slot(p) + '<br>due ' + clock(p.dueMillis) + ', appeared '
                + clock(p.publishedMillis) + '<br>lag ' + number(p.lagMillis) + ' ms';
            }
          }
        };
      })
    });
  }

  // ---- drawing and the record for the test -----------------------------------------------------

  function describe(chart) {
    return chart.getOption().series.map(function (s) {
      return { name: s.name, type: s.type, points: (s.data || []).length };
    });
  }

  function draw(id, option, after) {
    var element = document.getElementById(id);
    var chart = echarts.init(element, null, { renderer: 'canvas' });
    var rendered = new Promise(function (resolve) { chart.on('finished', resolve); });
    // Every series drawn in one pass: ECharts' progressive drawing of large series, frame after
    // frame, kept headless Chromium's virtual-time run of a 1,000-car page from ever ending.
    option.series.forEach(function (s) { s.progressive = 0; });
    chart.setOption(option);
    if (after) {
      after(chart);
    }
    window.addEventListener('resize', function () { chart.resize(); });
    return rendered.then(function () {
      var series = describe(chart);
      element.dataset.series = JSON.stringify(series);
      element.dataset.seriesCount = String(series.length);
      element.dataset.pointCount = String(series.reduce(function (n, s) { return n + s.points; }, 0));
    });
  }

  header();
  figures();
  verification();
  Promise.all([
    draw('chart-time', eventTimeChart()),
    draw('chart-speed', speedChart()),
    draw('chart-panes', panesChart()),
    draw('chart-tracks', trackChart(), regionButtons),
    draw('chart-lag', lagChart())
  ]).then(function () {
    document.body.dataset.rendered = 'true';
  });
})();
