// Host console hotkeys. F9 toggles ON AIR and "n" takes the next caller (both ask the server); Alt+1–9/0 puts
// that AI caller on the line, holding Space is push-to-talk and "r" is "Let them respond"; "/" or
// "t" focuses the host line box and Escape leaves it (handled here, no round trip). Cart keys: 1–9 and 0
// fire the cart item on that key, Shift+letter the item on that letter (plain letters are console keys);
// the server looks the key up in the cart it pushed. Keys typed into a text field are left alone; a focused
// switch, checkbox, slider or button does not swallow them.
const nonTextInputs = new Set(['checkbox', 'radio', 'range', 'button', 'submit', 'reset', 'color', 'file']);

export function register(server) {
    const platform = (navigator.userAgentData && navigator.userAgentData.platform) || navigator.platform || '';
    document.documentElement.dataset.platform = /mac/i.test(platform) ? 'mac' : 'other';
    // Every hotkey the page acts on is also announced as a 'radio-hotkey' event on the document (observable
    // by anything on the page, e.g. a browser test proving typed text never fires one).
    const dotnet = {
        invokeMethodAsync: (method, action) => {
            document.dispatchEvent(new CustomEvent('radio-hotkey', { detail: action }));
            return server.invokeMethodAsync(method, action);
        }
    };
    let pttHeld = false;
    const isTyping = (el) => el && ((el.tagName === 'INPUT' && !nonTextInputs.has(el.type))
        || el.tagName === 'TEXTAREA' || el.tagName === 'SELECT' || el.isContentEditable);
    const onKeyDown = (e) => {
        if (e.key === 'F9') {
            e.preventDefault();
            dotnet.invokeMethodAsync('OnHotkey', 'toggle-on-air');
            return;
        }
        if (isTyping(e.target)) {
            if (e.key === 'Escape') e.target.blur();
            return;
        }
        if (e.altKey && !e.ctrlKey && !e.metaKey && /^Digit[0-9]$/.test(e.code)) {
            e.preventDefault();
            if (!e.repeat) dotnet.invokeMethodAsync('OnHotkey', 'ai:' + e.code.slice(5));
            return;
        }
        if (e.ctrlKey || e.altKey || e.metaKey) return;
        if (e.code === 'Space') {
            e.preventDefault();
            if (!e.repeat && !pttHeld) { pttHeld = true; dotnet.invokeMethodAsync('OnHotkey', 'ptt:down'); }
            return;
        }
        if (e.key === 'r') {
            e.preventDefault();
            if (!e.repeat) dotnet.invokeMethodAsync('OnHotkey', 'let-them-respond');
            return;
        }
        if (!e.shiftKey && /^[0-9]$/.test(e.key)) {
            e.preventDefault();
            if (!e.repeat) dotnet.invokeMethodAsync('OnHotkey', 'cart:' + e.key);
            return;
        }
        if (e.shiftKey && /^[a-z]$/i.test(e.key)) {
            e.preventDefault();
            if (!e.repeat) dotnet.invokeMethodAsync('OnHotkey', 'cart:' + e.key.toLowerCase());
            return;
        }
        if (e.key === 'n') {
            e.preventDefault();
            dotnet.invokeMethodAsync('OnHotkey', 'next-caller');
            return;
        }
        if (e.key === '/' || e.key === 't') {
            const box = document.querySelector('[data-testid="host-text-input"]');
            if (box) { e.preventDefault(); box.focus(); }
        }
    };
    // Push-to-talk ends when Space is released or the window loses focus mid-hold (never a stuck open mic).
    const releasePtt = () => { if (pttHeld) { pttHeld = false; dotnet.invokeMethodAsync('OnHotkey', 'ptt:up'); } };
    const onKeyUp = (e) => { if (e.code === 'Space') releasePtt(); };
    document.addEventListener('keydown', onKeyDown);
    document.addEventListener('keyup', onKeyUp);
    window.addEventListener('blur', releasePtt);
    return {
        dispose: () => {
            document.removeEventListener('keydown', onKeyDown);
            document.removeEventListener('keyup', onKeyUp);
            window.removeEventListener('blur', releasePtt);
        }
    };
}
