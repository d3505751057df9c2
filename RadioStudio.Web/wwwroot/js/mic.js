// The host's browser microphone: getUserMedia → AudioWorklet (20 ms PCM16 chunks) → WebSocket /audio/mic.
// Raw capture: echo cancellation, noise suppression and AGC are off — a studio mic should sound like itself.
let session = null;

export async function start(dotnet) {
  if (session) {
    return session.rate;
  }
  const stream = await navigator.mediaDevices.getUserMedia({
    audio: { channelCount: 1, echoCancellation: false, noiseSuppression: false, autoGainControl: false },
  });
  const context = new AudioContext({ latencyHint: 'interactive' });
  if (context.state === 'suspended') {
    await context.resume();
  }
  await context.audioWorklet.addModule('/js/mic-worklet.js');
  const source = context.createMediaStreamSource(stream);
  const node = new AudioWorkletNode(context, 'mic-capture', { numberOfInputs: 1, numberOfOutputs: 0, channelCount: 1 });
  const scheme = location.protocol === 'https:' ? 'wss://' : 'ws://';
  const socket = new WebSocket(`${scheme}${location.host}/audio/mic?rate=${context.sampleRate}`);
  socket.binaryType = 'arraybuffer';
  node.port.onmessage = event => {
    // Never queue more than ~200 ms locally: a stalled socket drops audio instead of delaying it.
    if (socket.readyState === WebSocket.OPEN && socket.bufferedAmount < context.sampleRate * 2 / 5) {
      socket.send(event.data);
    }
  };
  socket.onclose = event => {
    if (session && session.socket === socket) {
      stopSession();
      const why = event.reason ? ` (${event.reason})` : '';
      dotnet?.invokeMethodAsync('MicStopped', `The studio closed the microphone connection${why}.`);
    }
  };
  source.connect(node);
  session = { stream, context, socket, node, rate: context.sampleRate };
  return context.sampleRate;
}

function stopSession() {
  const s = session;
  session = null;
  if (!s) {
    return;
  }
  s.node.port.onmessage = null;
  s.stream.getTracks().forEach(t => t.stop());
  if (s.socket.readyState === WebSocket.OPEN || s.socket.readyState === WebSocket.CONNECTING) {
    s.socket.close(1000, 'mic off');
  }
  s.context.close();
}

export function stop() {
  stopSession();
}
