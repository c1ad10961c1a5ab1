// Widget downloads: CSV text and PNG pictures of charts. Charts are drawn as SVG (crisp on TVs and
// testable), so a PNG is the chart's SVG rasterised on a canvas at twice its size, on white.

/** A file name from a widget's title: characters Windows and macOS refuse in names become "_". */
export function fileName(title: string, extension: string): string {
  const safe = [...title].map((c) => (c < ' ' || '\\/:*?"<>|'.includes(c) ? '_' : c)).join('');
  const base = safe.trim() || 'widget';
  return `${base.slice(0, 100)}.${extension}`;
}

/** Saves a blob as a download with this name (through a temporary object URL). */
export function download(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
  // Revoke after the click has been handled; the browser keeps the download going.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

/** The SVG document text of a drawn chart, with its size and namespace set so it renders standalone. */
export function svgDocument(svg: SVGSVGElement): { text: string; width: number; height: number } {
  const copy = svg.cloneNode(true) as SVGSVGElement;
  const width = Number(svg.getAttribute('width')) || svg.clientWidth || 480;
  const height = Number(svg.getAttribute('height')) || svg.clientHeight || 320;
  copy.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  copy.setAttribute('width', String(width));
  copy.setAttribute('height', String(height));
  return { text: new XMLSerializer().serializeToString(copy), width, height };
}

/** A PNG of a drawn chart: its SVG on a white canvas at `scale` × its size. */
export async function svgToPng(svg: SVGSVGElement, scale = 2): Promise<Blob> {
  const { text, width, height } = svgDocument(svg);
  const url = URL.createObjectURL(new Blob([text], { type: 'image/svg+xml;charset=utf-8' }));
  try {
    const image = new Image();
    await new Promise<void>((resolve, reject) => {
      image.onload = () => resolve();
      image.onerror = () => reject(new Error('the chart could not be drawn as an image'));
      image.src = url;
    });
    const canvas = document.createElement('canvas');
    canvas.width = width * scale;
    canvas.height = height * scale;
    const context = canvas.getContext('2d');
    if (!context) throw new Error('no canvas to draw the chart on');
    context.fillStyle = '#fff';
    context.fillRect(0, 0, canvas.width, canvas.height);
    context.drawImage(image, 0, 0, canvas.width, canvas.height);
    return await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('PNG encoding failed'))), 'image/png'),
    );
  } finally {
    URL.revokeObjectURL(url);
  }
}
