/// <reference types="astro/client" />
declare namespace App {
  interface Locals {
    preview?: import('./preview-page').PreviewLocals
  }
}
