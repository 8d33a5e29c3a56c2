/* The Payload admin's root layout, as Payload's Next integration expects it. */
import config from '@payload-config'
import '@payloadcms/next/css'
import { handleServerFunctions, RootLayout } from '@payloadcms/next/layouts'
import type { ServerFunctionClient } from 'payload'
import type React from 'react'
import { guardedServerFunctions } from '../../access/server-functions'
import { AdminA11yRepairs } from '../../components/a11y/AdminA11yRepairs'
import { importMap } from './admin/importMap.js'
import './custom.css'
import './a11y.css'

const serverFunction: ServerFunctionClient = async function (args) {
  'use server'
  return handleServerFunctions({ ...args, config, importMap, serverFunctions: guardedServerFunctions })
}

const Layout = ({ children }: { children: React.ReactNode }) => (
  <RootLayout config={config} importMap={importMap} serverFunction={serverFunction}>
    <AdminA11yRepairs />
    {children}
  </RootLayout>
)

export default Layout
