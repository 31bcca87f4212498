'use client';

// The same panel as the site's error page, inside the embed's frame.
export { default } from '../(site)/error';
