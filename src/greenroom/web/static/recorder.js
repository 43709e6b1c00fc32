// greenroom: answer out loud. Records with MediaRecorder and uploads the recording in chunks
// while it grows (the recordings API in docs/api.md). Without getUserMedia/MediaRecorder
// the plain upload form of _recorder.html stays in place.
(function () {
  "use strict";

  var API = "/api/v1/recordings";
  var TIMESLICE_MS = 1000; // MediaRecorder hands over data every second
  var MIME_TYPES = ["audio/webm;codecs=opus", "audio/ogg;codecs=opus", "audio/webm", "audio/ogg", "audio/mp4"];
  var RETRY_FIRST_MS = 500; // network retry backoff: 0.5 s doubling up to 8 s
  var RETRY_MAX_MS = 8000;
  var MAX_CONFLICTS = 5; // 409s in a row without progress before the upload gives up
  var LEVEL_FLOOR_DB = -60; // the meter shows -60 dBFS .. 0 dBFS as 0 .. 1
  var STOP_KEY = "greenroom-stop";

  function mark(name) {
    if (window.performance && performance.mark) performance.mark(name);
  }

  function measure(name, start, end) {
    try {
      return performance.measure(name, start, end).duration;
    } catch (e) {
      return null;
    }
  }

  window.greenroomTimings = window.greenroomTimings || {};

  // On the page opened after Stop: how long from Stop until this page was ready.
  function recordFeedbackTiming() {
    var raw = null;
    try {
      raw = window.sessionStorage.getItem(STOP_KEY);
      window.sessionStorage.removeItem(STOP_KEY);
    } catch (e) {
      return;
    }
    if (!raw) return;
    var stop;
    try {
      stop = JSON.parse(raw);
    } catch (e) {
      return;
    }
    if (!stop || typeof stop.at !== "number" || stop.url !== window.location.pathname) return;
    mark("greenroom-feedback-shown");
    var now = performance.timeOrigin + performance.now();
    window.greenroomTimings.stopToFeedbackPageMs = now - stop.at;
    window.greenroomTimings.stopToResponseMs = stop.responseMs;
    window.greenroomTimings.stopToUploadedMs = stop.uploadedMs;
  }

  function pickMimeType() {
    for (var i = 0; i < MIME_TYPES.length; i++) {
      if (MediaRecorder.isTypeSupported(MIME_TYPES[i])) return MIME_TYPES[i];
    }
    return "";
  }

  function clock(ms) {
    var s = Math.floor(ms / 1000);
    return String(Math.floor(s / 60)).padStart(2, "0") + ":" + String(s % 60).padStart(2, "0");
  }

  function sleep(ms) {
    return new Promise(function (resolve) { window.setTimeout(resolve, ms); });
  }

  function micMessage(err) {
    var name = err && err.name;
    if (name === "NotAllowedError" || name === "SecurityError") {
      return "The microphone is blocked. Allow microphone access for this page in your browser, " +
        "or upload a recording or type your answer instead.";
    }
    if (name === "NotFoundError" || name === "OverconstrainedError") {
      return "No microphone was found. Connect one and press Record again, or type your answer instead.";
    }
    if (name === "NotReadableError" || name === "AbortError") {
      return "The microphone could not be started; another program may be using it.";
    }
    return "The microphone could not be started (" + (name || "unknown error") + ").";
  }

  // An HTTP answer that is not a success, with the server's one-line message.
  function HttpError(status, body) {
    this.status = status;
    this.body = body || {};
    this.message = (body && body.error) || "The server answered " + status + ".";
  }

  // Worth trying again: the network is down, or a proxy/the app is restarting.
  function retryable(err) {
    return !(err instanceof HttpError) || err.status === 502 || err.status === 503 || err.status === 504;
  }

  async function call(method, url, body, type) {
    var init = { method: method, headers: { Accept: "application/json" } };
    if (body !== undefined) {
      init.body = body;
      init.headers["Content-Type"] = type;
    }
    var response = await fetch(url, init); // throws TypeError when the network is down
    var data = null;
    if (response.status !== 204) {
      try {
        data = await response.json();
      } catch (e) {
        data = null;
      }
    }
    if (!response.ok) throw new HttpError(response.status, data);
    return data;
  }

  function Recorder(root) {
    this.root = root;
    this.ui = {
      record: root.querySelector("[data-rec-record]"),
      stop: root.querySelector("[data-rec-stop]"),
      reset: root.querySelector("[data-rec-reset]"),
      timer: root.querySelector("[data-rec-timer]"),
      level: root.querySelector("[data-rec-level]"),
      status: root.querySelector("[data-rec-status]"),
      error: root.querySelector("[data-rec-error]"),
      playback: root.querySelector("[data-rec-playback]"),
      audio: root.querySelector("[data-rec-audio]"),
    };
    this.take = null;
    this.ui.record.addEventListener("click", this.record.bind(this));
    this.ui.stop.addEventListener("click", this.stop.bind(this));
    this.ui.reset.addEventListener("click", this.startOver.bind(this));
    window.addEventListener("online", this.wake.bind(this));
    window.addEventListener("beforeunload", this.warnBeforeLeaving.bind(this));
    this.setState("idle");
  }

  Recorder.prototype.setState = function (state) {
    this.root.setAttribute("data-state", state);
    var ui = this.ui;
    ui.record.disabled = state !== "idle";
    ui.stop.disabled = state !== "recording";
    ui.reset.disabled = !(state === "recording" || state === "stopped" || state === "failed");
  };

  // Leaving mid-take would drop an answer that is not judged yet.
  Recorder.prototype.warnBeforeLeaving = function (event) {
    var state = this.root.getAttribute("data-state");
    if (state === "recording" || state === "finishing") {
      event.preventDefault();
      event.returnValue = "";
    }
  };

  Recorder.prototype.say = function (text) {
    this.ui.status.textContent = text;
  };

  Recorder.prototype.fail = function (text) {
    this.ui.error.textContent = text.charAt(0).toUpperCase() + text.slice(1);
    this.ui.error.hidden = false;
  };

  Recorder.prototype.clearError = function () {
    this.ui.error.textContent = "";
    this.ui.error.hidden = true;
  };

  Recorder.prototype.fields = function () {
    var d = this.root.dataset;
    var fields = {
      session_id: Number(d.sessionId),
      interviewer: d.interviewer,
      stage: Number(d.stage),
      question: d.question,
    };
    if (d.questionId) fields.question_id = d.questionId;
    if (d.retryOf) fields.retry_of = Number(d.retryOf);
    return fields;
  };

  // --- one take: microphone, MediaRecorder, level meter, timer, upload ------------------

  Recorder.prototype.record = async function () {
    if (this.take) return;
    this.clearError();
    this.setState("starting");
    this.say("Asking for the microphone…");
    var stream;
    try {
      stream = await navigator.mediaDevices.getUserMedia({ audio: true });
    } catch (err) {
      this.setState("idle");
      this.say("Not recording.");
      this.fail(micMessage(err));
      this.ui.record.focus();
      return;
    }
    var mimeType = pickMimeType();
    var media;
    try {
      media = new MediaRecorder(stream, mimeType ? { mimeType: mimeType } : undefined);
    } catch (err) {
      stream.getTracks().forEach(function (t) { t.stop(); });
      this.setState("idle");
      this.fail("This browser cannot record audio here (" + err.name + "). Upload a recording instead.");
      return;
    }
    var take = {
      stream: stream,
      media: media,
      parts: [],
      blob: new Blob([], { type: media.mimeType || mimeType }),
      id: null,
      serverOffset: 0,
      maxBytes: Infinity,
      maxChunk: 1024 * 1024,
      pumping: null,
      waiter: null,
      fatal: null,
      finished: false,
      stopped: new Promise(function (resolve) { media.addEventListener("stop", resolve); }),
      startedAt: performance.now(),
      ticker: null,
      frame: null,
      audioContext: null,
      objectUrl: null,
    };
    this.take = take;
    var self = this;
    media.addEventListener("dataavailable", function (event) {
      if (self.take !== take || !event.data || event.data.size === 0) return;
      take.parts.push(event.data);
      take.blob = new Blob(take.parts, { type: take.blob.type });
      // Stop while the last second of audio still fits under the server's size cap.
      if (take.blob.size + 2 * event.data.size > take.maxBytes && media.state === "recording") {
        self.fail("The recording reached the size limit, so it stopped.");
        self.stop();
        return;
      }
      self.pump(take);
    });
    try {
      media.start(TIMESLICE_MS);
    } catch (err) {
      this.take = null;
      stream.getTracks().forEach(function (t) { t.stop(); });
      this.setState("idle");
      this.fail("The recording could not start (" + err.name + "). Upload a recording instead.");
      this.ui.record.focus();
      return;
    }
    this.startMeter(take);
    this.setState("recording");
    this.say("Recording. Answer out loud, then press Stop.");
    this.ui.stop.focus();
    try {
      var created = await call("POST", API, JSON.stringify(this.fields()), "application/json");
      if (this.take !== take) {
        // Start over was pressed while the recording was being created.
        this.discardOnServer(created.id);
        return;
      }
      take.id = created.id;
      take.serverOffset = created.offset || 0;
      take.maxBytes = created.max_bytes || Infinity;
      take.maxChunk = created.max_chunk_bytes || take.maxChunk;
      this.pump(take);
    } catch (err) {
      if (this.take !== take) return;
      take.fatal = err;
      this.fail(err instanceof HttpError ? err.message : "The recording could not be started: the app is not reachable.");
      if (media.state !== "inactive") media.stop();
      this.endMedia(take);
      await take.stopped;
      this.showPlayback(take);
      this.setState("failed");
      this.say("Not recording.");
    }
  };

  Recorder.prototype.startMeter = function (take) {
    var self = this;
    take.ticker = window.setInterval(function () {
      self.ui.timer.textContent = clock(performance.now() - take.startedAt);
    }, 250);
    var Context = window.AudioContext || window.webkitAudioContext;
    if (!Context) return;
    try {
      take.audioContext = new Context();
      var analyser = take.audioContext.createAnalyser();
      analyser.fftSize = 2048;
      take.audioContext.createMediaStreamSource(take.stream).connect(analyser);
      var samples = new Float32Array(analyser.fftSize);
      var draw = function () {
        analyser.getFloatTimeDomainData(samples);
        var sum = 0;
        for (var i = 0; i < samples.length; i++) sum += samples[i] * samples[i];
        var rms = Math.sqrt(sum / samples.length);
        var db = rms > 0 ? 20 * Math.log10(rms) : LEVEL_FLOOR_DB;
        var level = Math.min(1, Math.max(0, (db - LEVEL_FLOOR_DB) / -LEVEL_FLOOR_DB));
        self.ui.level.value = level;
        self.ui.level.textContent = Math.round(level * 100) + "%";
        take.frame = window.requestAnimationFrame(draw);
      };
      take.frame = window.requestAnimationFrame(draw);
    } catch (e) {
      take.audioContext = null; // the meter is a nicety; recording goes on without it
    }
  };

  Recorder.prototype.endMedia = function (take) {
    window.clearInterval(take.ticker);
    if (take.frame !== null) window.cancelAnimationFrame(take.frame);
    if (take.audioContext) take.audioContext.close().catch(function () {});
    take.stream.getTracks().forEach(function (t) { t.stop(); });
    this.ui.level.value = 0;
    this.ui.level.textContent = "silent";
  };

  Recorder.prototype.showPlayback = function (take) {
    if (!take.blob.size) return;
    var audio = this.ui.audio;
    take.objectUrl = URL.createObjectURL(take.blob);
    audio.src = take.objectUrl;
    this.ui.playback.hidden = false;
    // MediaRecorder's WebM has no duration in its header, so the player cannot seek until it
    // has read to the end once (https://crbug.com/642012): seek far ahead, then back.
    audio.addEventListener("loadedmetadata", function () {
      if (audio.duration !== Infinity) return;
      audio.addEventListener("durationchange", function back() {
        if (audio.duration === Infinity) return;
        audio.removeEventListener("durationchange", back);
        audio.currentTime = 0;
      });
      audio.currentTime = 1e101;
    }, { once: true });
  };

  // --- the upload queue: one PUT at a time, from the server's offset ---------------------

  Recorder.prototype.pump = function (take) {
    if (take.pumping || take.id === null || take.fatal) return take.pumping;
    var self = this;
    take.pumping = this.drain(take).then(
      function () { take.pumping = null; },
      function (err) {
        take.pumping = null;
        take.fatal = err;
        if (self.take === take) self.uploadFailed(take, err);
      }
    );
    return take.pumping;
  };

  Recorder.prototype.drain = async function (take) {
    var delay = RETRY_FIRST_MS;
    var conflicts = 0;
    while (this.take === take && take.serverOffset < take.blob.size) {
      var start = take.serverOffset;
      var end = Math.min(take.blob.size, start + take.maxChunk);
      var chunk = take.blob.slice(start, end, "application/octet-stream");
      try {
        var ack = await call("PUT", API + "/" + take.id + "?offset=" + start, chunk, "application/octet-stream");
        take.serverOffset = ack.offset;
        delay = RETRY_FIRST_MS;
        conflicts = 0;
        if (take.media.state === "recording") this.say("Recording. Answer out loud, then press Stop.");
      } catch (err) {
        if (err instanceof HttpError && err.status === 409 && typeof err.body.offset === "number") {
          conflicts = err.body.offset === start ? conflicts + 1 : 0;
          if (conflicts >= MAX_CONFLICTS || err.body.offset > take.blob.size) throw err;
          take.serverOffset = err.body.offset;
        } else if (!retryable(err)) {
          throw err;
        } else {
          // Network down or server restarting: wait, then ask the server where it stands.
          this.say("Connection lost; the recording continues and uploads when the app is back…");
          await this.backoff(take, delay);
          delay = Math.min(RETRY_MAX_MS, delay * 2);
          await this.resync(take);
        }
      }
    }
  };

  Recorder.prototype.backoff = function (take, ms) {
    return new Promise(function (resolve) {
      var timer = window.setTimeout(done, ms);
      function done() {
        window.clearTimeout(timer);
        take.waiter = null;
        resolve();
      }
      take.waiter = done;
    });
  };

  Recorder.prototype.wake = function () {
    if (this.take && this.take.waiter) this.take.waiter();
  };

  Recorder.prototype.resync = async function (take) {
    try {
      var state = await call("GET", API + "/" + take.id);
      if (typeof state.offset === "number" && state.offset <= take.blob.size) take.serverOffset = state.offset;
    } catch (err) {
      if (err instanceof HttpError && err.status === 404) throw err;
      // Still unreachable: the next PUT attempt tries again.
    }
  };

  Recorder.prototype.uploadFailed = async function (take, err) {
    this.fail(err.message || "The upload failed.");
    if (take.media.state !== "inactive") take.media.stop();
    this.endMedia(take);
    await take.stopped;
    if (this.take !== take) return;
    if (!this.ui.audio.src) this.showPlayback(take);
    this.setState("failed");
    this.say("Not recording.");
    this.ui.reset.focus();
  };

  // Resolves once every recorded byte is on the server (or rejects with the upload's error).
  Recorder.prototype.flush = async function (take) {
    while (this.take === take && take.serverOffset < take.blob.size) {
      if (take.fatal) throw take.fatal;
      if (take.id === null) {
        await sleep(50);
        continue;
      }
      await this.pump(take);
    }
    if (take.fatal) throw take.fatal;
  };

  // --- Stop and finish --------------------------------------------------------------------

  Recorder.prototype.stop = async function () {
    var take = this.take;
    if (!take || take.media.state === "inactive") return;
    mark("greenroom-stop");
    var stoppedAt = performance.timeOrigin + performance.now();
    this.setState("finishing");
    this.say("Transcribing the end of your answer…");
    take.media.stop();
    this.endMedia(take);
    await take.stopped; // the final dataavailable comes before "stop"
    if (this.take !== take) return;
    this.showPlayback(take);
    try {
      await this.flush(take);
      if (this.take !== take) return;
      mark("greenroom-uploaded");
      window.greenroomTimings.stopToUploadedMs = measure("greenroom-stop-to-uploaded", "greenroom-stop", "greenroom-uploaded");
      var result = await this.finish(take);
      if (this.take !== take) return;
      mark("greenroom-feedback");
      var responseMs = measure("greenroom-stop-to-feedback", "greenroom-stop", "greenroom-feedback");
      window.greenroomTimings.stopToResponseMs = responseMs;
      try {
        window.sessionStorage.setItem(STOP_KEY, JSON.stringify({
          at: stoppedAt, url: result.url, recording: take.id, responseMs: responseMs,
          uploadedMs: window.greenroomTimings.stopToUploadedMs,
        }));
      } catch (e) {
        // private mode: the timing is only a measurement
      }
      take.finished = true;
      this.setState("done");
      this.say("Done. Opening the feedback…");
      window.location.assign(result.url);
    } catch (err) {
      if (this.take !== take) return;
      this.fail(err.message || "The recording could not be finished.");
      this.setState("failed");
      this.say("The recording is kept here: play it back, or press Start over to record again.");
      this.ui.reset.focus();
    }
  };

  Recorder.prototype.finish = async function (take) {
    var delay = RETRY_FIRST_MS;
    var conflicts = 0;
    for (;;) {
      try {
        return await call("POST", API + "/" + take.id + "/finish?offset=" + take.blob.size);
      } catch (err) {
        if (err instanceof HttpError && err.status === 409 && typeof err.body.offset === "number" &&
            err.body.offset < take.blob.size && conflicts < MAX_CONFLICTS) {
          conflicts += 1;
          take.serverOffset = err.body.offset;
          await this.flush(take);
          continue;
        }
        if (!retryable(err)) {
          var done = await this.finishedElsewhere(take);
          if (done) return done;
          throw err;
        }
        this.say("Connection lost; finishing when the app is back…");
        await this.backoff(take, delay);
        delay = Math.min(RETRY_MAX_MS, delay * 2);
        var ready = await this.finishedElsewhere(take);
        if (ready) return ready;
        await this.flush(take);
        this.say("Transcribing the end of your answer…");
      }
    }
  };

  // When an earlier finish went through but its answer was lost, the recording knows its attempt.
  Recorder.prototype.finishedElsewhere = async function (take) {
    try {
      var state = await call("GET", API + "/" + take.id);
      if (state.state === "finished" && state.attempt_id) {
        return { attempt_id: state.attempt_id, url: "/attempts/" + state.attempt_id };
      }
      if (typeof state.offset === "number" && state.offset <= take.blob.size) take.serverOffset = state.offset;
    } catch (e) {
      // unreachable or unknown: the caller decides
    }
    return null;
  };

  // --- Start over -------------------------------------------------------------------------

  Recorder.prototype.startOver = async function () {
    var take = this.take;
    if (!take || take.finished) return;
    this.take = null;
    if (take.waiter) take.waiter();
    if (take.media.state !== "inactive") take.media.stop();
    this.endMedia(take);
    if (take.objectUrl) URL.revokeObjectURL(take.objectUrl);
    this.ui.audio.removeAttribute("src");
    this.ui.audio.load();
    this.ui.playback.hidden = true;
    this.ui.timer.textContent = clock(0);
    this.clearError();
    this.setState("idle");
    this.ui.record.focus();
    if (take.id !== null) {
      this.say("Discarding the recording…");
      await take.pumping; // never delete while a chunk is on its way
      await this.discardOnServer(take.id);
    }
    if (this.take === null) this.say("Recording discarded. Press Record to try again.");
  };

  Recorder.prototype.discardOnServer = async function (id) {
    try {
      await call("DELETE", API + "/" + id);
    } catch (err) {
      // already gone (404) or unreachable: an unfinished recording is never judged
    }
  };

  function supported() {
    return !!(navigator.mediaDevices && navigator.mediaDevices.getUserMedia && window.MediaRecorder &&
      window.fetch && window.Blob && window.Promise);
  }

  recordFeedbackTiming();
  if (!supported()) return;
  document.querySelectorAll("[data-recorder]").forEach(function (root) {
    var fallback = root.querySelector("[data-recorder-fallback]");
    var live = root.querySelector("[data-recorder-live]");
    if (!live) return;
    if (fallback) fallback.hidden = true;
    live.hidden = false;
    root.recorder = new Recorder(root);
  });
})();
