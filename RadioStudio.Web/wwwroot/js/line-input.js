// The host's line box. Enter (or Send) takes exactly what the box holds at that instant, empties the box and
// hands the text to the server; the box is never disabled while a line is on its way, so the next keystrokes
// land in it (not on the page, where they would be hotkeys). A refused line comes back into the box.
export function attach(form, dotnet) {
    const box = form.querySelector('input');
    const onSubmit = async (e) => {
        e.preventDefault();
        const text = box.value.trim();
        if (!text || box.disabled) return;
        box.value = '';
        let accepted = false;
        try {
            accepted = await dotnet.invokeMethodAsync('SendLine', text);
        } catch {
            accepted = false;
        }
        if (!accepted) box.value = box.value ? text + ' ' + box.value : text;
    };
    form.addEventListener('submit', onSubmit);
    form.__lineInputDetach = () => form.removeEventListener('submit', onSubmit);
    return true;
}

export function detach(form) {
    if (form && form.__lineInputDetach) form.__lineInputDetach();
}
