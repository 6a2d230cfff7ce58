// Verbatim — small enhancements; every page works without this file.
"use strict";

document.addEventListener("DOMContentLoaded", () => {
  // « Copier la citation »: the text stays selectable without JavaScript.
  for (const button of document.querySelectorAll("button.copy[data-copy]")) {
    const source = document.getElementById(button.dataset.copy);
    const status = button.parentElement.querySelector(".copy-status");
    if (!source) continue;
    button.hidden = false;
    button.addEventListener("click", async () => {
      const text = source.textContent.trim();
      try {
        await navigator.clipboard.writeText(text);
        if (status) status.textContent = "Copié dans le presse-papiers.";
      } catch (error) {
        // no clipboard permission: select the text so that Ctrl+C copies it
        const range = document.createRange();
        range.selectNodeContents(source);
        const selection = window.getSelection();
        selection.removeAllRanges();
        selection.addRange(range);
        if (status) status.textContent = "Texte sélectionné : copiez-le avec Ctrl+C.";
      }
    });
  }

  // Changing the mode or the sort order runs the search again at once.
  const form = document.querySelector("form.search-form");
  if (form) {
    for (const field of form.querySelectorAll("select[name=sort], input[name=quotes]")) {
      field.addEventListener("change", () => form.requestSubmit());
    }
  }
});
