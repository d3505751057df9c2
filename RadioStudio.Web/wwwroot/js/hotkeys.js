// Host console hotkeys. F9 toggles ON AIR and "n" takes the next caller (both ask the server); "/" or
// "t" focuses the host line box and Escape leaves it (handled here, no round trip). Keys typed into a
// field are left alone.
export function register(dotnet) {
    const isTyping = (el) => el && (el.tagName === 'INPUT' || el.tagName === 'TEXTAREA' || el.isContentEditable);
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
        if (e.ctrlKey || e.altKey || e.metaKey) return;
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
    document.addEventListener('keydown', onKeyDown);
    return { dispose: () => document.removeEventListener('keydown', onKeyDown) };
}
